namespace RetailRec.Engine.Promotions.Uplift;

/// <summary>Cumulative counts after targeting the top k customers by predicted uplift, and the two curves' values there.</summary>
public readonly record struct UpliftPoint(int K, int Treated, int Control, int TreatedBuyers, int ControlBuyers, double Qini, double Uplift);

public sealed record UpliftEvaluation(UpliftPoint[] Curve, double Auuc, double QiniArea, double QiniCoefficient, double UpliftAt10, double UpliftAt30);

/// <summary>
/// Qini and uplift curves of a ranking by predicted uplift, evaluated on randomised treatment/control outcomes.
/// With N_T(k), N_C(k) treated/control customers among the top k and Y_T(k), Y_C(k) their buyers:
/// Qini(k) = Y_T(k) - Y_C(k) N_T(k)/N_C(k);  Uplift(k) = (Y_T(k)/N_T(k) - Y_C(k)/N_C(k)) k  (0 while a group is empty).
/// AUUC = mean of Uplift(k) over k = 1..N; Qini area = mean of Qini(k); Qini coefficient = Qini area minus the area of
/// the random-targeting line from 0 to Qini(N), i.e. Qini(N)(N+1)/(2N). uplift@f = treated rate - control rate in the top f.
/// </summary>
public static class UpliftMetrics
{
    public static UpliftEvaluation Evaluate(IReadOnlyList<double> predictedUplift, IReadOnlyList<bool> treated, IReadOnlyList<bool> bought)
    {
        var order = Enumerable.Range(0, predictedUplift.Count).OrderByDescending(i => predictedUplift[i]).ThenBy(i => i).ToArray();
        var curve = new UpliftPoint[order.Length];
        int nt = 0, nc = 0, yt = 0, yc = 0;
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            if (treated[i]) { nt++; if (bought[i]) yt++; } else { nc++; if (bought[i]) yc++; }
            var qini = nc == 0 ? yt : yt - yc * (double)nt / nc;
            var uplift = nt == 0 || nc == 0 ? 0 : (yt / (double)nt - yc / (double)nc) * (k + 1);
            curve[k] = new UpliftPoint(k + 1, nt, nc, yt, yc, qini, uplift);
        }
        var n = order.Length;
        if (n == 0) return new UpliftEvaluation([], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var auuc = curve.Average(p => p.Uplift);
        var qiniArea = curve.Average(p => p.Qini);
        var random = curve[^1].Qini * (n + 1) / (2.0 * n);
        return new UpliftEvaluation(curve, auuc, qiniArea, qiniArea - random, UpliftAt(curve, 0.1), UpliftAt(curve, 0.3));
    }

    private static double UpliftAt(UpliftPoint[] curve, double fraction)
    {
        var p = curve[Math.Clamp((int)Math.Ceiling(fraction * curve.Length) - 1, 0, curve.Length - 1)];
        return p.Treated == 0 || p.Control == 0 ? double.NaN : p.TreatedBuyers / (double)p.Treated - p.ControlBuyers / (double)p.Control;
    }
}
