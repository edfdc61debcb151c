using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Tests.Engine.Datasets.Ingestion.Rules;

/// <summary>Reads a hand-written file and lists a rule's samples as (line, column, reason) for exact assertions.</summary>
internal static class RuleFiles
{
    public static TransactionReadResult Read(params string[] lines) => IngestFiles.Read(IngestFiles.Lines(lines));

    public static TransactionReadResult ReadText(string text, string name = "t.csv") => IngestFiles.Read(IngestFiles.Text(text), name);

    public static (long Line, string? Column, string Reason)[] Samples(this ImportReport report, ImportRule rule) =>
        report.Rules.Single(r => r.Rule == rule).Samples.Select(s => (s.Line, s.Column, s.Reason)).ToArray();

    public static long[] Lines(this TransactionReadResult result) => result.Records.Select(r => r.LineNumber).ToArray();
}
