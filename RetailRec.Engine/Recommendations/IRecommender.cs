using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations;

/// <summary>
/// A next-basket recommender. <see cref="Fit"/> sees only a training view of the log (a split's training part),
/// and <see cref="Score"/> ranks the FULL catalogue (indexes of <see cref="RetailLog.ItemCodes"/>) for one customer.
/// Every model, classical or neural, implements this so all share one evaluation code path and one leaderboard.
/// </summary>
public interface IRecommender
{
    string Name { get; }

    void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct);

    /// <summary>Writes a score for every item into <paramref name="scores"/> (length = item count); higher is better.</summary>
    void Score(int customer, Span<float> scores);

    /// <summary>A short human reason for recommending <paramref name="item"/> to <paramref name="customer"/>.</summary>
    string Explain(int customer, int item) => Name;

    /// <summary>The hyper-parameters as <c>name=value;...</c> for leaderboards and reproducibility.</summary>
    string Parameters => "";
}
