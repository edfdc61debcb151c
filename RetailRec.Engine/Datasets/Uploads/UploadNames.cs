using System.Text;

namespace RetailRec.Engine.Datasets.Uploads;

/// <summary>
/// Names derived from what a client calls its file. The name is untrusted text: it is never part of a stored path
/// (the stored file name is generated), and the name shown in the UI is reduced to its last path segment, stripped of
/// control and invisible characters, whitespace collapsed and capped in length. Rendering escapes it as any text.
/// </summary>
public static class UploadNames
{
    public const int MaxDisplayChars = 120;

    /// <summary>"..\..\weird\u0000name.csv" becomes "weirdname.csv"; a blank name becomes "upload".</summary>
    public static string Display(string? fileName)
    {
        var raw = fileName ?? "";
        var slash = raw.LastIndexOfAny(['/', '\\']);
        return Clean(slash >= 0 ? raw[(slash + 1)..] : raw);
    }

    /// <summary>A name typed by a user (a dataset name): the same cleaning, without taking path segments apart.</summary>
    public static string Clean(string raw)
    {
        var text = new StringBuilder(Math.Min(raw.Length, MaxDisplayChars + 16));
        foreach (var c in raw)
        {
            if (char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u202E' or '\u202D') continue;
            if (char.IsWhiteSpace(c)) { if (text.Length > 0 && text[^1] != ' ') text.Append(' '); continue; }
            text.Append(c);
        }
        var name = text.ToString().Trim();
        if (name.Length > MaxDisplayChars)
        {
            // Keep the extension, so the shortened name still says what the file was.
            var ext = KnownExtension(name);
            name = name[..(MaxDisplayChars - ext.Length - 1)].TrimEnd() + "…" + ext;
        }
        return name.Length == 0 ? "upload" : name;
    }

    /// <summary>The accepted extension the name ends with (".csv.gz" before ".gz"), lower-case, or "".</summary>
    public static string KnownExtension(string fileName)
    {
        foreach (var ext in DatasetUploads.AcceptedExtensions.OrderByDescending(e => e.Length))
            if (fileName.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return ext;
        return "";
    }
}
