namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>Longest accepted text per field (README "Text"); longer descriptions and countries are truncated with a warning.</summary>
public static class TextLimits
{
    public const int MaxDescriptionChars = 1_000;
    public const int MaxCountryChars = 100;
    /// <summary>Invoice numbers and stock codes longer than this are not codes: the line is reported.</summary>
    public const int MaxCodeChars = 50;
}
