namespace RetailRec.Engine.Export;

/// <summary>
/// One column of an export: a header and how to read its cell from a row. The cell's .NET type decides how it is
/// written: strings (and enums) are text cells and get formula-injection neutralisation; numbers, booleans and dates
/// are written as values and never altered (a negative number is not a formula).
/// </summary>
public sealed record CsvColumn<T>(string Name, Func<T, object?> Value);
