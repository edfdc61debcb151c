namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// The one place that says which stock codes are not products. In Online Retail I/II these lines carry fees,
/// postage, manual corrections and vouchers; they distort item popularity, so they are flagged
/// <see cref="Domain.LineFlags.NonProduct"/> (kept, never dropped). Compared case-insensitively after trimming.
/// </summary>
public static class NonProductCodes
{
    /// <summary>Exact codes: POST/DOT postage, D discount, M/m manual, C2 carriage, S samples, B bad-debt adjustment,
    /// CRUK charity commission, PADS padding cushions, BANK CHARGES, AMAZONFEE, ADJUST/ADJUST2 and TEST001/TEST002
    /// (Online Retail II only).</summary>
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "POST", "DOT", "D", "M", "C2", "S", "B", "CRUK", "PADS", "BANK CHARGES", "AMAZONFEE",
        "ADJUST", "ADJUST2", "TEST001", "TEST002",
    };

    /// <summary>Prefixes: gift vouchers are written gift_0001_10, gift_0001_20, ...</summary>
    public static IReadOnlyList<string> Prefixes { get; } = ["gift_"];

    public static bool IsNonProduct(string stockCode)
    {
        var code = stockCode.AsSpan().Trim();
        if (code.Length == 0) return false;
        if (code.Length == stockCode.Length ? Codes.Contains(stockCode) : Codes.Contains(code.ToString())) return true;
        foreach (var prefix in Prefixes)
            if (code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
