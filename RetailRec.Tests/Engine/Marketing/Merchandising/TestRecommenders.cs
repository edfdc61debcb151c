using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations;

namespace RetailRec.Tests.Engine.Marketing.Merchandising;

/// <summary>A hand-made relevance model: score = f(customer, item); remembers the log it was fitted on.</summary>
public sealed class FormulaRecommender(Func<int, int, float> score) : IRecommender
{
    public string Name => "Formula";
    public RetailLog? FittedOn { get; private set; }
    public int FitCalls { get; private set; }

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        FittedOn = train;
        FitCalls++;
    }

    public void Score(int customer, Span<float> scores)
    {
        for (var i = 0; i < scores.Length; i++) scores[i] = score(customer, i);
    }
}
