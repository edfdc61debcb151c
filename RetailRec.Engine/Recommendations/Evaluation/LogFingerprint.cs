using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Evaluation;

public static class LogFingerprint
{
    /// <summary>First 16 hex digits of SHA-256 over every basket (customer, invoice, time, items): same data, same fingerprint.</summary>
    public static string Of(RetailLog log)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sb = new StringBuilder();
        foreach (var b in log.Baskets)
        {
            sb.Clear();
            sb.Append(log.CustomerIds[b.Customer]).Append('\t').Append(b.Invoice).Append('\t').Append(b.Time.Ticks);
            foreach (var i in b.Items) sb.Append('\t').Append(log.ItemCodes[i]);
            sb.Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(sb.ToString()));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    /// <summary>The engine assembly's informational version (includes the commit when the build stamps it).</summary>
    public static string CodeVersion() =>
        typeof(LogFingerprint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
