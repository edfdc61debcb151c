using System.IO.Compression;
using System.Xml;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Finds the cells of a workbook that hold a formula but no saved (cached) value. ExcelDataReader returns such a cell
/// as empty, which would import "" where the sheet shows a number; the importer reports those rows instead. The
/// importer never evaluates formulas. Reads the sheet parts with an XmlReader (streaming), after ZipBombGuard.
/// </summary>
internal static class XlsxFormulaScanner
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Sheet name -> Excel row -> cell references ("D5") of formulas without a value.</summary>
    public static Dictionary<string, Dictionary<long, List<string>>> Scan(Stream workbook)
    {
        var found = new Dictionary<string, Dictionary<long, List<string>>>(StringComparer.Ordinal);
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        var targets = RelationshipTargets(zip);
        foreach (var (name, relId) in Sheets(zip))
        {
            if (!targets.TryGetValue(relId, out var target)) continue;
            var path = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
            if (zip.GetEntry(path) is not { } entry) continue;
            using var part = entry.Open();
            foreach (var (row, cell) in FormulasWithoutValue(part))
            {
                if (!found.TryGetValue(name, out var rows)) found[name] = rows = [];
                if (!rows.TryGetValue(row, out var cells)) rows[row] = cells = [];
                cells.Add(cell);
            }
        }
        return found;
    }

    private static IEnumerable<(string Name, string RelId)> Sheets(ZipArchive zip)
    {
        if (zip.GetEntry("xl/workbook.xml") is not { } entry) yield break;
        using var xml = XmlReader.Create(entry.Open(), Settings);
        while (xml.Read())
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "sheet" } && xml.GetAttribute("name") is { } name
                && xml.GetAttribute("id", RelNs) is { } id)
                yield return (name, id);
    }

    private static Dictionary<string, string> RelationshipTargets(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } entry) return targets;
        using var xml = XmlReader.Create(entry.Open(), Settings);
        while (xml.Read())
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && xml.GetAttribute("Id") is { } id
                && xml.GetAttribute("Target") is { } target)
                targets[id] = target;
        return targets;
    }

    /// <summary>Cells (row, reference) whose &lt;c&gt; has an &lt;f&gt; child and no &lt;v&gt; child.</summary>
    private static IEnumerable<(long Row, string Cell)> FormulasWithoutValue(Stream part)
    {
        using var xml = XmlReader.Create(part, Settings);
        long row = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != Main) continue;
            if (xml.LocalName == "row")
            {
                row = long.TryParse(xml.GetAttribute("r"), out var r) ? r : row + 1;
                continue;
            }
            if (xml.LocalName != "c" || xml.IsEmptyElement) continue;
            var reference = xml.GetAttribute("r") ?? "?";
            bool formula = false, value = false;
            var depth = xml.Depth;
            while (xml.Read() && xml.Depth > depth)
                if (xml.NodeType == XmlNodeType.Element)
                {
                    if (xml.LocalName == "f") formula = true;
                    else if (xml.LocalName is "v" or "is") value = true;
                }
            if (formula && !value) yield return (row, reference);
        }
    }

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
}
