using System.Buffers;
using System.Text.Unicode;
using CsvHelper;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>CSV rows via CsvHelper's reader (RFC 4180 quoting, per-column string pooling, record size guard).</summary>
internal sealed class CsvRowSource : RowSource
{
    private readonly CsvReader _csv;
    private readonly HashingLimitStream _upload;
    private readonly char _delimiter;
    private bool _started;
    private long _malformed;
    private readonly InflateLimitStream? _gzip;

    public CsvRowSource(Stream text, TextEncodingInfo encoding, char delimiter, bool separatorHintLine, string format,
        HashingLimitStream upload, IngestionOptions options, InflateLimitStream? gzip = null)
    {
        _gzip = gzip;
        _upload = upload;
        _delimiter = delimiter;
        Format = format;
        EncodingName = encoding.Name;
        var csvOptions = CsvReaderOptions.Default with
        {
            // An Excel "sep=;" first line is consumed by CsvHelper itself when the separator is left to it.
            Separator = separatorHintLine ? null : delimiter,
            DetectSeparatorHint = separatorHintLine,
            HasHeader = true,
            Encoding = encoding.Encoding,
            PoolStrings = true,
            SkipEmptyLines = true,
            TrimWhitespace = false,
            AllowLineBreaksInQuotes = true,
            MaxRecordSize = options.MaxRecordBytes,
            TrackLineNumbers = true, // reports name physical lines (see Formats/RowSource.LineNumber)
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = OnMalformed,
        };
        _csv = CsvReader.Create(text, csvOptions, leaveOpen: false);
    }

    public override string Format { get; }
    public override string EncodingName { get; }
    public override string? DelimiterName => DelimiterDetector.Name(_delimiter);
    public override bool CommaDecimal => _delimiter != ',';
    public override int FieldCount => _csv.FieldCount;
    public override long LineNumber => _csv.LineNumber;

    /// <summary>
    /// Control bytes, and the lead bytes of the UTF-8 forms of the invisible characters and of U+FFFD (E2 80 8B-8D,
    /// E2 81 A0, EF BB BF, EF BF BD). A row without them whose bytes are valid UTF-8 needs no text repair: one
    /// vectorised scan of the record instead of one per field.
    /// </summary>
    private static readonly SearchValues<byte> RepairBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B,
         0x1C, 0x1D, 0x1E, 0x1F, 0x7F, 0xE2, 0xEF]);

    public override bool RowMayNeedTextRepair
    {
        get
        {
            var raw = _csv.RawRecord;
            return raw.IndexOfAny(RepairBytes) >= 0 || !Utf8.IsValid(raw);
        }
    }

    public override string? RowProblem(int headerCount) => _csv.FieldCount == headerCount ? null
        : $"the line has {_csv.FieldCount} fields but the header has {headerCount} (a delimiter inside an unquoted value shifts every column after it)";
    public override double Progress => _upload.KnownLength is > 0 and var n ? Math.Min(1, _upload.BytesRead / (double)n) : 0;

    public override bool NextTable()
    {
        if (_started) return false;
        _started = true;
        return Guard(() =>
        {
            Header = _csv.Headers;
            return Header.Any(h => !string.IsNullOrWhiteSpace(h));
        });
    }

    public override bool ReadRow() => Guard(_readRow ??= _csv.Read);

    private Func<bool>? _readRow;

    public override string Field(int index) => index < 0 ? "" : _csv.GetString(index) ?? "";

    private void OnMalformed(CsvMalformedRecord record)
    {
        // Recovered quoting problems (a stray quote in 7" FRAME) are kept as text; the row is still validated.
        if (++_malformed <= 5)
            Notes.Add($"line {record.LineNumber} has irregular quoting ({record.Reason}); read as best as possible");
    }

    public override void VerifyComplete() => _gzip?.VerifyGzipTrailer(_upload.Tail);

    public override void Dispose() => _csv.Dispose();
}
