using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Promotions.Uplift;

namespace RetailRec.Engine.Promotions.Runs;

public sealed record UpliftCurvePoint(double Share, double Qini, double Uplift);

public sealed record UpliftModelReport(string Model, double Auuc, double QiniCoefficient, double UpliftAt10, double UpliftAt30,
    IReadOnlyList<UpliftCurvePoint> Curve);

/// <summary>Customers of the held-out rows per response segment, with what they really did (buy rates treated vs control).</summary>
public sealed record SegmentCount(string Segment, int Rows, double TreatedBuyRate, double ControlBuyRate, int Treated, int Control);

public sealed record UpliftReport(string Source, int Entries, int Outcomes, int Promotions, string HeldOut, int TrainRows, int TestRows,
    double TreatedBuyRate, double ControlBuyRate, IReadOnlyList<UpliftModelReport> Models, IReadOnlyList<SegmentCount> Segments,
    int FatigueChecked, IReadOnlyList<FatigueRow> Fatigued, IReadOnlyList<string> Warnings);

/// <summary>
/// Evaluates uplift models on a promotion log honestly: trained on all promotions but the latest, judged on the latest
/// (its treatment was randomised, so Qini/uplift curves on it are unbiased). With a single promotion a seeded 30 % of
/// its customers is held out instead. Response segments label the held-out rows with the two-model estimates;
/// fatigue is checked over the whole log.
/// </summary>
public static class UpliftAnalysis
{
    public static UpliftReport Run(RetailLog log, IReadOnlyList<PromotionLogEntry> entries, string source, int horizonDays = 30, int seed = 17)
    {
        var warnings = new List<string>();
        var outcomes = PromotionOutcomes.Derive(log, entries, horizonDays);
        if (outcomes.Count < entries.Count)
            warnings.Add($"{entries.Count - outcomes.Count:N0} of {entries.Count:N0} log rows were left out (unknown customer or product, or the {horizonDays}-day horizon is not over)");
        if (outcomes.Count == 0) throw new ArgumentException("no row of the promotion log matches a customer and product of this dataset with a completed horizon");
        var rows = UpliftRows.Build(log, outcomes, new PropensityFeatureBuilder());
        var promotions = outcomes.Select(o => o.Entry.PromotionId).Distinct().Count();
        var (train, test, heldOut) = Split(rows, promotions, seed);
        if (!HasBothGroups(train) || !HasBothGroups(test))
            throw new ArgumentException("uplift needs treated and control rows both in the training promotions and in the held-out one");

        var two = TwoModelUplift.Fit(train);
        var classTransform = ClassTransformationUplift.Fit(train);
        var models = new[] { Report(two, test), Report(classTransform, test) };
        var segments = Segments(two, test);
        var fatigue = FatigueDetector.Detect(outcomes);
        return new UpliftReport(source, entries.Count, outcomes.Count, promotions, heldOut, train.Outcomes.Length, test.Outcomes.Length,
            Rate(test, treated: true), Rate(test, treated: false), models, segments, fatigue.Count,
            fatigue.Where(f => f.Fatigued).OrderBy(f => f.LateResponseRate - f.EarlyResponseRate).ThenBy(f => f.CustomerId, StringComparer.Ordinal).ToArray(),
            warnings);
    }

    private static (UpliftRows Train, UpliftRows Test, string HeldOut) Split(UpliftRows rows, int promotions, int seed)
    {
        if (promotions >= 2)
        {
            var last = rows.Outcomes.OrderByDescending(o => o.Entry.SentDate).ThenByDescending(o => o.Entry.PromotionId, StringComparer.Ordinal).First().Entry.PromotionId;
            return (rows.Where(o => o.Entry.PromotionId != last), rows.Where(o => o.Entry.PromotionId == last), $"promotion {last} (the latest)");
        }
        // One promotion: hold out customers, not rows, so no customer is in both halves.
        var rng = new Random(seed);
        var testCustomers = rows.Outcomes.Select(o => o.Customer).Distinct().Order().Where(_ => rng.NextDouble() < 0.3).ToHashSet();
        return (rows.Where(o => !testCustomers.Contains(o.Customer)), rows.Where(o => testCustomers.Contains(o.Customer)), "a random 30 % of the customers");
    }

    private static bool HasBothGroups(UpliftRows r) => r.Treated.Any(t => t) && r.Treated.Any(t => !t);

    private static double Rate(UpliftRows r, bool treated)
    {
        var idx = Enumerable.Range(0, r.Treated.Length).Where(i => r.Treated[i] == treated).ToArray();
        return idx.Length == 0 ? double.NaN : idx.Count(i => r.Bought[i]) / (double)idx.Length;
    }

    private static UpliftModelReport Report(IUpliftModel model, UpliftRows test)
    {
        var scores = Enumerable.Range(0, test.Outcomes.Length).Select(r => model.Uplift(test.Row(r))).ToArray();
        var e = UpliftMetrics.Evaluate(scores, test.Treated, test.Bought);
        // About 100 points are plenty for the chart; the metrics above use every row.
        var n = e.Curve.Length;
        var step = Math.Max(1, n / 100);
        var curve = new List<UpliftCurvePoint> { new(0, 0, 0) };
        for (var k = step - 1; k < n; k += step) curve.Add(new UpliftCurvePoint((k + 1) / (double)n, e.Curve[k].Qini, e.Curve[k].Uplift));
        if (curve[^1].Share < 1) curve.Add(new UpliftCurvePoint(1, e.Curve[^1].Qini, e.Curve[^1].Uplift));
        return new UpliftModelReport(model.Name, e.Auuc, e.QiniCoefficient, e.UpliftAt10, e.UpliftAt30, curve);
    }

    private static SegmentCount[] Segments(TwoModelUplift two, UpliftRows test)
    {
        var labels = Enumerable.Range(0, test.Outcomes.Length).Select(r => ResponseSegments.Label(two.PTreated(test.Row(r)), two.PControl(test.Row(r)))).ToArray();
        return Enum.GetValues<ResponseSegment>().Select(s =>
        {
            var idx = Enumerable.Range(0, labels.Length).Where(i => labels[i] == s).ToArray();
            var t = idx.Where(i => test.Treated[i]).ToArray();
            var c = idx.Where(i => !test.Treated[i]).ToArray();
            return new SegmentCount(s.ToString(), idx.Length, t.Length == 0 ? double.NaN : t.Count(i => test.Bought[i]) / (double)t.Length,
                c.Length == 0 ? double.NaN : c.Count(i => test.Bought[i]) / (double)c.Length, t.Length, c.Length);
        }).ToArray();
    }
}
