namespace RetailRec.Engine.Recommendations.Content;

/// <summary>
/// Words of a product description. Descriptions are short upper-case phrases ("WHITE HANGING HEART T-LIGHT HOLDER");
/// tokens are runs of letters of length >= 2, minus a few words that carry no meaning (OF, THE, SET, ...).
/// </summary>
public static class DescriptionTokens
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "OF", "THE", "AND", "IN", "WITH", "FOR", "TO", "ON", "SET", "PACK", "ASSORTED", "SMALL", "LARGE", "MINI", "JUMBO",
    };

    /// <summary>Colour, pattern and size words: never a product category (see <see cref="ItemCategories"/>).</summary>
    internal static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "RED", "PINK", "BLUE", "WHITE", "BLACK", "GREEN", "IVORY", "CREAM", "GOLD", "SILVER", "PURPLE", "YELLOW", "ORANGE",
        "BROWN", "GREY", "TEA", "VINTAGE", "RETROSPOT", "POLKADOT", "SPOTTY", "DESIGN", "DESIGNS", "COLOUR", "COLOURS",
        "HEART", "HEARTS", "FLOWER", "FLOWERS", "FLORAL", "PAISLEY", "SKULL", "SKULLS", "STRIPE", "STRIPES", "WOODLAND",
        "SPACEBOY", "DOLLY", "GIRL", "BOY", "CHRISTMAS", "LOVE", "ROSE", "ROSES", "APPLES", "BIRD", "BIRDS", "OWL",
        "DOILY", "PANTRY", "REGENCY", "SUKI", "PARIS", "LONDON", "ENGLAND", "SCANDINAVIAN", "ANTIQUE", "GLASS", "WOODEN",
        "METAL", "ZINC", "ENAMEL", "CERAMIC", "FELT", "PAPER", "HANGING", "DECORATION", "WRAP", "SIZE", "PC", "PCS",
    };

    public static IEnumerable<string> Of(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) yield break;
        var s = description.ToUpperInvariant();
        var start = -1;
        for (var k = 0; k <= s.Length; k++)
        {
            var letter = k < s.Length && char.IsLetter(s[k]);
            if (letter && start < 0) start = k;
            if (!letter && start >= 0)
            {
                var w = s[start..k];
                if (w.Length >= 2 && !Stop.Contains(w)) yield return w;
                start = -1;
            }
        }
    }
}
