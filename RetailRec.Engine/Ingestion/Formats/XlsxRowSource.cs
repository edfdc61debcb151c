namespace RetailRec.Engine.Ingestion;

/// <summary>Workbook rows (all sheets). Placeholder until the xlsx reader lands.</summary>
internal static class XlsxRowSource
{
    public static RowSource Open(Stream workbook, HashingLimitStream upload, IngestionOptions options) =>
        throw new ImportRejectedException(RejectionKind.UnsupportedFormat, "Excel workbooks are not supported yet; upload CSV.");
}
