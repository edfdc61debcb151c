using RetailRec.Engine.Recommendations.Evaluation;

namespace RetailRec.Web.Components.Pages.Recommendations;

/// <summary>One leaderboard line as plain properties, so the grid can sort any column.</summary>
public sealed record LeaderRow(string Model, double Ndcg10, double Recall10, double HitRate10, double Mrr10, double Precision10,
    double Ndcg10Repeat, double Ndcg10Explore, double Coverage10, double Gini10, double TrainSeconds, double ScoreSeconds, int Cases, string Parameters)
{
    public static LeaderRow From(EvaluationResult r) => new(r.Model, r["NDCG@10"], r["Recall@10"], r["HitRate@10"], r["MRR@10"], r["Precision@10"],
        r["NDCG@10.repeat"], r["NDCG@10.explore"], r["Coverage@10"], r["Gini@10"], r.TrainSeconds, r.ScoreSeconds, r.Cases, r.Parameters);
}

/// <summary>One model in the compare view: the same metric in two runs and the change.</summary>
public sealed record CompareRow(string Model, double NdcgA, double NdcgB, double RecallA, double RecallB)
{
    public double NdcgDelta => NdcgB - NdcgA;
    public double RecallDelta => RecallB - RecallA;

    public static IReadOnlyList<CompareRow> Build(IReadOnlyList<EvaluationResult> a, IReadOnlyList<EvaluationResult> b, string split)
    {
        var left = a.Where(r => r.Split == split).ToDictionary(r => r.Model);
        var right = b.Where(r => r.Split == split).ToDictionary(r => r.Model);
        return left.Keys.Union(right.Keys).Select(m => new CompareRow(m,
                left.TryGetValue(m, out var x) ? x["NDCG@10"] : double.NaN, right.TryGetValue(m, out var y) ? y["NDCG@10"] : double.NaN,
                x?["Recall@10"] ?? double.NaN, y?["Recall@10"] ?? double.NaN))
            .OrderByDescending(r => double.IsNaN(r.NdcgB) ? double.MinValue : r.NdcgB).ToList();
    }
}
