using System.IO.Compression;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// Checks an .xlsx (a zip) before it is parsed: it must be a workbook, the parts' total uncompressed size must stay
/// under <see cref="IngestionOptions.MaxXlsxUncompressedBytes"/>, and no big part may be compressed more than
/// <see cref="IngestionOptions.MaxXlsxCompressionRatio"/> times. The declared sizes are enough: .NET's ZipArchive
/// stops inflating an entry at its declared size, so a lying header cannot make ExcelDataReader inflate more.
/// </summary>
internal static class ZipBombGuard
{
    private const long RatioCheckedAbove = 1024 * 1024;

    public static void Check(Stream zipFile, IngestionOptions options)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(zipFile, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e)
        {
            throw new ImportRejectedException(RejectionKind.CorruptFile, "The file looks like a zip/xlsx archive but is damaged. Save it again and re-upload.", e);
        }
        using (zip)
        {
            if (zip.GetEntry("xl/workbook.xml") is null)
                throw new ImportRejectedException(RejectionKind.UnsupportedFormat,
                    "This zip archive is not an Excel workbook. Upload an .xlsx file, a CSV file, or a CSV compressed with gzip (.csv.gz).");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.Length / (double)Math.Max(1, entry.CompressedLength);
                if (total > options.MaxXlsxUncompressedBytes || (entry.Length > RatioCheckedAbove && ratio > options.MaxXlsxCompressionRatio))
                    throw new ImportRejectedException(RejectionKind.DecompressionLimit,
                        $"The workbook expands to more data than allowed (over {options.MaxXlsxUncompressedBytes / (1024.0 * 1024):N0} MB, " +
                        $"or a part compressed over {options.MaxXlsxCompressionRatio:N0}x). It may be a compression bomb; export the data as .csv.gz instead.");
            }
        }
    }
}
