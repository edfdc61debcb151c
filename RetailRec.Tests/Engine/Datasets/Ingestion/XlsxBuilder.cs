using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace RetailRec.Tests.Engine.Datasets.Ingestion;

/// <summary>
/// Writes a minimal .xlsx (OOXML) with System.IO.Compression: one part per sheet, strings as inline strings, numbers
/// as numbers, DateTime as an Excel serial with date style 22 (so readers return it as a date).
/// </summary>
internal static class XlsxBuilder
{
    public sealed record Sheet(string Name, params object?[][] Rows);

    /// <summary>A formula cell; <paramref name="Cached"/> null writes no saved value (as a generator that never calculated).</summary>
    public sealed record Formula(string Text, double? Cached);

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static MemoryStream Build(params Sheet[] sheets)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var overrides = string.Concat(sheets.Select((_, i) =>
                $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
            Write(zip, "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
                overrides + "</Types>");
            Write(zip, "_rels/.rels",
                $"<Relationships xmlns=\"{PkgRel}\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Write(zip, "xl/workbook.xml",
                $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets>" +
                string.Concat(sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) +
                "</sheets></workbook>");
            Write(zip, "xl/_rels/workbook.xml.rels",
                $"<Relationships xmlns=\"{PkgRel}\">" +
                string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) +
                $"<Relationship Id=\"rIdStyles\" Type=\"{Rel}/styles\" Target=\"styles.xml\"/></Relationships>");
            Write(zip, "xl/styles.xml",
                $"<styleSheet xmlns=\"{Main}\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"22\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            for (var i = 0; i < sheets.Length; i++) Write(zip, $"xl/worksheets/sheet{i + 1}.xml", SheetXml(sheets[i]));
        }
        output.Position = 0;
        return output;
    }

    private static string SheetXml(Sheet sheet)
    {
        var xml = new StringBuilder($"<worksheet xmlns=\"{Main}\"><sheetData>");
        for (var r = 0; r < sheet.Rows.Length; r++)
        {
            xml.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < sheet.Rows[r].Length; c++)
            {
                var cell = $"{(char)('A' + c)}{r + 1}";
                xml.Append(sheet.Rows[r][c] switch
                {
                    null => "",
                    Formula { Cached: null } f => $"<c r=\"{cell}\"><f>{SecurityElement.Escape(f.Text)}</f></c>",
                    Formula f => $"<c r=\"{cell}\"><f>{SecurityElement.Escape(f.Text)}</f><v>{f.Cached!.Value.ToString("R", CultureInfo.InvariantCulture)}</v></c>",
                    string s => $"<c r=\"{cell}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(s)}</t></is></c>",
                    DateTime d => $"<c r=\"{cell}\" s=\"1\"><v>{d.ToOADate().ToString("R", CultureInfo.InvariantCulture)}</v></c>",
                    IFormattable n => $"<c r=\"{cell}\"><v>{n.ToString(null, CultureInfo.InvariantCulture)}</v></c>",
                    var other => throw new ArgumentException($"cell type {other.GetType()}"),
                });
            }
            xml.Append("</row>");
        }
        return xml.Append("</sheetData></worksheet>").ToString();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        writer.Write(content);
    }
}
