namespace RetailRec.Tests.Engine.Promotions;

/// <summary>Training data with a known rule, for the propensity models' tests.</summary>
public static class PlantedRules
{
    /// <summary>
    /// XOR-like rule: buys when the first two columns agree in sign, labels flipped 3 % of the time (held-out Bayes AUC
    /// 0.97); the third column is pure noise. A linear model cannot learn it.
    /// </summary>
    public static (double[] X, byte[] Y) Xor(int rows, int seed)
    {
        var rng = new Random(seed);
        var x = new double[rows * 3];
        var y = new byte[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var k = 0; k < 3; k++) x[r * 3 + k] = rng.NextDouble() * 2 - 1;
            var agree = x[r * 3] * x[r * 3 + 1] > 0;
            y[r] = (byte)(agree ^ (rng.NextDouble() < 0.03) ? 1 : 0);
        }
        return (x, y);
    }
}
