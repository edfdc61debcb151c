using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Datasets.Ingestion;

namespace RetailRec.Bench.Suites;

/// <summary>Loads the real transaction file for the recs suites through the product's own ingestion and cleaning.</summary>
internal static class RecDataLoader
{
    public static RetailLog Load(string path) => RetailLogBuilder.Build(TransactionFileReader.ReadAll(path).Records);
}
