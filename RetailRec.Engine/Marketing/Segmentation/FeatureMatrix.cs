namespace RetailRec.Engine.Marketing.Segmentation;

/// <summary>
/// A dense row-major n x d matrix of doubles: the one input type of every clustering step, so RFM features,
/// autoencoder embeddings (float[,]) or anything else can be clustered the same way.
/// </summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(int rows, int cols, double[]? data = null, IReadOnlyList<string>? columnNames = null)
    {
        if (data is not null && data.Length != rows * cols) throw new ArgumentException("data length must be rows * cols");
        Rows = rows;
        Cols = cols;
        Data = data ?? new double[rows * cols];
        ColumnNames = columnNames ?? Enumerable.Range(0, cols).Select(j => "f" + j).ToArray();
    }

    public int Rows { get; }
    public int Cols { get; }
    public double[] Data { get; }
    public IReadOnlyList<string> ColumnNames { get; }

    public double this[int i, int j]
    {
        get => Data[i * Cols + j];
        set => Data[i * Cols + j] = value;
    }

    public ReadOnlySpan<double> Row(int i) => Data.AsSpan(i * Cols, Cols);

    public static FeatureMatrix FromArray(float[,] a)
    {
        var m = new FeatureMatrix(a.GetLength(0), a.GetLength(1));
        for (var i = 0; i < m.Rows; i++)
            for (var j = 0; j < m.Cols; j++) m[i, j] = a[i, j];
        return m;
    }

    public float[,] ToFloatArray()
    {
        var a = new float[Rows, Cols];
        for (var i = 0; i < Rows; i++)
            for (var j = 0; j < Cols; j++) a[i, j] = (float)this[i, j];
        return a;
    }

    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (var j = 0; j < a.Length; j++) { var d = a[j] - b[j]; s += d * d; }
        return s;
    }

    /// <summary>Z-scores every column; a constant column becomes all zeros instead of NaN.</summary>
    public FeatureMatrix Standardised()
    {
        var z = new FeatureMatrix(Rows, Cols, null, ColumnNames);
        for (var j = 0; j < Cols; j++)
        {
            double mean = 0;
            for (var i = 0; i < Rows; i++) mean += this[i, j];
            mean /= Math.Max(1, Rows);
            double variance = 0;
            for (var i = 0; i < Rows; i++) { var d = this[i, j] - mean; variance += d * d; }
            var sd = Math.Sqrt(variance / Math.Max(1, Rows));
            for (var i = 0; i < Rows; i++) z[i, j] = sd > 1e-12 ? (this[i, j] - mean) / sd : 0;
        }
        return z;
    }
}
