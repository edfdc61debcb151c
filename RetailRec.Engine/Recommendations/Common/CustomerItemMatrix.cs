using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Common;

/// <summary>
/// Sparse customer x item matrix in CSR form built from a training log. The value is the number of distinct baskets
/// in which the customer bought the item (repeat purchases count, quantity does not: one wholesale order of 1,000
/// units is one decision, not 1,000). Rows keep item indexes sorted ascending.
/// </summary>
public sealed class CustomerItemMatrix
{
    public int Rows { get; }
    public int Cols { get; }
    public int[] RowStart { get; }
    public int[] ColIndex { get; }
    public float[] Values { get; }

    private CustomerItemMatrix(int rows, int cols, int[] rowStart, int[] colIndex, float[] values)
    {
        Rows = rows; Cols = cols; RowStart = rowStart; ColIndex = colIndex; Values = values;
    }

    public ReadOnlySpan<int> RowItems(int row) => ColIndex.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    /// <summary>Basket counts per (customer, item). <paramref name="weight"/> may weight each basket (e.g. by recency).</summary>
    public static CustomerItemMatrix FromBaskets(RetailLog log, Func<Basket, float>? weight = null)
    {
        var rows = new Dictionary<int, float>[log.CustomerCount];
        foreach (var b in log.Baskets)
        {
            var w = weight?.Invoke(b) ?? 1f;
            var row = rows[b.Customer] ??= [];
            foreach (var i in b.Items) row[i] = row.GetValueOrDefault(i) + w;
        }
        return FromRows(rows, log.ItemCount);
    }

    public static CustomerItemMatrix FromRows(IReadOnlyList<Dictionary<int, float>?> rows, int cols)
    {
        var start = new int[rows.Count + 1];
        for (var r = 0; r < rows.Count; r++) start[r + 1] = start[r] + (rows[r]?.Count ?? 0);
        var col = new int[start[^1]];
        var val = new float[start[^1]];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not { } row) continue;
            var k = start[r];
            foreach (var (i, v) in row.OrderBy(p => p.Key)) { col[k] = i; val[k] = v; k++; }
        }
        return new CustomerItemMatrix(rows.Count, cols, start, col, val);
    }

    /// <summary>The transpose (item x customer), same value semantics.</summary>
    public CustomerItemMatrix Transpose()
    {
        var start = new int[Cols + 1];
        foreach (var c in ColIndex) start[c + 1]++;
        for (var c = 0; c < Cols; c++) start[c + 1] += start[c];
        var next = (int[])start.Clone();
        var col = new int[ColIndex.Length];
        var val = new float[ColIndex.Length];
        for (var r = 0; r < Rows; r++)
            for (var k = RowStart[r]; k < RowStart[r + 1]; k++)
            {
                var p = next[ColIndex[k]]++;
                col[p] = r; val[p] = Values[k];
            }
        return new CustomerItemMatrix(Cols, Rows, start, col, val);
    }

    public float Get(int row, int col)
    {
        var k = RowItems(row).BinarySearch(col);
        return k >= 0 ? Values[RowStart[row] + k] : 0f;
    }
}
