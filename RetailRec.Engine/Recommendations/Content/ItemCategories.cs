using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Content;

/// <summary>
/// A derived "category" per item, because the data has none: the LAST word of the description that is not a colour,
/// pattern, material or size word (English product names end in the head noun: "... T-LIGHT HOLDER" -> HOLDER,
/// "JUMBO BAG RED RETROSPOT" -> BAG). Items whose description has no such word get "OTHER".
/// </summary>
public sealed class ItemCategories
{
    public const string Other = "OTHER";

    public string[] OfItem { get; }

    public ItemCategories(RetailLog log) => OfItem = log.ItemDescriptions.Select(Derive).ToArray();

    public static string Derive(string? description) =>
        DescriptionTokens.Of(description).LastOrDefault(w => w.Length >= 3 && !DescriptionTokens.Modifiers.Contains(w)) ?? Other;
}
