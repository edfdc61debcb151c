using System.IO.Compression;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>Detects what an upload is from its content and opens the matching <see cref="RowSource"/>.</summary>
internal static class SourceOpener
{
    public static RowSource Open(Stream input, string fileName, IngestionOptions options, out HashingLimitStream upload)
    {
        if (input.CanSeek && input.Length - input.Position > options.MaxUploadBytes) throw UploadLimits.TooLarge(options.MaxUploadBytes);
        upload = new HashingLimitStream(input, options.MaxUploadBytes, leaveOpen: true);
        try
        {
            var source = OpenCore(upload, fileName, options);
            if (ExtensionMismatch(fileName, source.Format) is { } note) source.Notes.Add(note);
            return source;
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    private static RowSource OpenCore(HashingLimitStream upload, string fileName, IngestionOptions options)
    {
        var head = PrefixReplayStream.ReadPrefix(upload, options.SniffBytes);
        if (head.Length == 0) throw Empty();
        switch (FileSniffer.Container(head))
        {
            case ContainerKind.Gzip:
                var gzip = new GZipStream(new PrefixReplayStream(head, upload, leaveOpen: true), CompressionMode.Decompress);
                var inflated = new InflateLimitStream(gzip, options.MaxDecompressedBytes);
                var textHead = ReadInflated(inflated, options.SniffBytes);
                if (textHead.Length == 0) throw Empty();
                if (FileSniffer.Container(textHead) != ContainerKind.Text)
                    throw new ImportRejectedException(RejectionKind.UnsupportedFormat,
                        "The .gz file does not contain a CSV file. Compress a single CSV file with gzip (.csv.gz).");
                return OpenCsv(textHead, inflated, textHead.Length < options.SniffBytes, "CSV.GZ", upload, options, inflated);
            case ContainerKind.Zip:
                return XlsxRowSource.Open(new PrefixReplayStream(head, upload, leaveOpen: true), upload, options);
            case ContainerKind.LegacyExcel:
                throw new ImportRejectedException(RejectionKind.UnsupportedFormat,
                    "Old-style Excel files (.xls) are not supported. Save the workbook as .xlsx or CSV and upload that.");
            default:
                return OpenCsv(head, upload, head.Length < options.SniffBytes, "CSV", upload, options);
        }
    }

    private static RowSource OpenCsv(byte[] head, Stream rest, bool complete, string format, HashingLimitStream upload, IngestionOptions options,
        InflateLimitStream? gzip = null)
    {
        var encoding = FileSniffer.DetectEncoding(head, complete);
        var body = head.AsMemory(encoding.BomLength);
        var text = encoding.Effective.GetString(body.Span);
        if (string.IsNullOrWhiteSpace(text)) throw Empty();

        var hint = text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length > 4;
        var delimiter = hint ? text[4] : DelimiterDetector.Detect(text);
        var stream = new PrefixReplayStream(body, rest, leaveOpen: ReferenceEquals(rest, upload));
        return new CsvRowSource(stream, encoding, delimiter, hint, format, upload, options, gzip);
    }

    private static byte[] ReadInflated(Stream inflated, int count)
    {
        try { return PrefixReplayStream.ReadPrefix(inflated, count); }
        catch (InvalidDataException e) { throw Corrupt(e); }
    }

    /// <summary>The content decides the format; a misleading extension is only worth a note in the report.</summary>
    private static string? ExtensionMismatch(string fileName, string format)
    {
        var name = fileName.ToLowerInvariant();
        var claimed = name.EndsWith(".csv.gz") || name.EndsWith(".gz") ? "CSV.GZ"
            : name.EndsWith(".xlsx") ? "XLSX"
            : name.EndsWith(".csv") || name.EndsWith(".txt") || name.EndsWith(".tsv") ? "CSV"
            : null;
        return claimed is not null && claimed != format
            ? $"the file name suggests {claimed} but the content is {format}; it was read as {format}"
            : null;
    }

    public static ImportRejectedException Empty() => new(RejectionKind.EmptyFile, "The file is empty.");

    public static ImportRejectedException Corrupt(Exception e) => new(RejectionKind.CorruptFile,
        "The file is damaged or truncated and cannot be read to the end. Export or compress it again and re-upload.", e);
}
