namespace RetailRec.Engine.DemoData;

/// <summary>
/// Word lists the gift-shop catalogue is built from. A description is "COLOUR PATTERN OBJECT"
/// (e.g. "RED RETROSPOT LANTERN"); a theme is one colour+pattern, so its objects sell together.
/// </summary>
internal static class DemoWordLists
{
    public static readonly string[] Colours =
        ["RED", "BLUE", "PINK", "GREEN", "IVORY", "WHITE", "BLACK", "PASTEL", "VINTAGE", "SILVER", "GOLD", "PURPLE", "ANTIQUE", "RETRO"];

    public static readonly string[] Patterns =
        ["RETROSPOT", "POLKADOT", "HEART", "PAISLEY", "REGENCY", "GINGHAM", "FLORAL", "BIRD", "STAR", "SPACEBOY",
         "DOLLY GIRL", "SKULL", "ROSE", "BAROQUE", "WOODLAND", "GLASS", "ZINC", "ENAMEL", "FELT", "CERAMIC"];

    /// <summary>Object, typical unit price in pounds, typical pack quantity. A few carry commas to exercise CSV quoting.</summary>
    public static readonly (string Name, double Price, int Pack)[] Objects =
    [
        ("LANTERN", 3.75, 4), ("T-LIGHT HOLDER", 1.25, 12), ("CANDLE", 0.65, 24), ("CANDLE HOLDER", 2.55, 6),
        ("TEA CUP AND SAUCER", 2.95, 6), ("MUG", 1.65, 12), ("CAKE STAND", 9.95, 2), ("BUNTING", 4.95, 6),
        ("LUNCH BAG", 1.65, 10), ("JUMBO BAG", 2.08, 10), ("DOORSTOP", 4.25, 4), ("CUSHION COVER", 3.75, 4),
        ("PAPER NAPKINS", 0.85, 12), ("PARTY CUPS", 0.65, 12), ("GIFT WRAP", 0.42, 25), ("NOTEBOOK", 1.65, 12),
        ("HOT WATER BOTTLE", 4.95, 4), ("CHILDRENS APRON", 1.95, 8), ("PICTURE FRAME", 2.55, 6), ("WALL CLOCK", 8.50, 2),
        ("HANGING DECORATION", 0.85, 12), ("STORAGE TIN", 2.10, 6), ("WATER BOTTLE", 3.75, 6), ("PLASTERS IN TIN", 1.65, 12),
        ("SET OF 3 CAKE TINS, PANTRY DESIGN", 4.95, 3), ("GARDEN KNEELER", 1.95, 6), ("SHOPPING BAG", 1.25, 10),
        ("CHRISTMAS BAUBLE", 0.42, 24), ("ADVENT CALENDAR", 2.95, 6), ("SNOW GLOBE", 3.75, 4), ("PEG BAG", 2.55, 6),
        ("TRINKET BOX", 1.25, 12), ("PHOTO ALBUM", 5.95, 2), ("RECIPE BOX, METAL", 2.95, 6), ("MINI JIGSAW", 0.42, 24),
    ];

    /// <summary>Objects that sell mostly before Christmas: they carry an extra autumn boost.</summary>
    public static readonly HashSet<string> Christmas = ["CHRISTMAS BAUBLE", "ADVENT CALENDAR", "SNOW GLOBE", "HANGING DECORATION", "CANDLE", "LANTERN"];

    /// <summary>Country and share of customers; the United Kingdom dominates as in the real file.</summary>
    public static readonly (string Name, double Share)[] Countries =
    [
        ("United Kingdom", 0.86), ("Germany", 0.025), ("France", 0.022), ("EIRE", 0.012), ("Spain", 0.01),
        ("Netherlands", 0.008), ("Belgium", 0.008), ("Switzerland", 0.007), ("Portugal", 0.007), ("Australia", 0.006),
        ("Norway", 0.005), ("Italy", 0.005), ("Sweden", 0.005), ("Denmark", 0.004), ("Japan", 0.003), ("USA", 0.003),
    ];

    /// <summary>Real gift-shop price points; computed prices snap to the nearest so the data looks like a price list.</summary>
    public static readonly double[] PricePoints =
        [0.19, 0.29, 0.39, 0.42, 0.55, 0.65, 0.72, 0.85, 0.95, 1.25, 1.45, 1.65, 1.95, 2.08, 2.10, 2.55, 2.95, 3.25, 3.75,
         4.25, 4.95, 5.45, 5.95, 6.75, 7.95, 8.50, 9.95, 10.95, 12.75, 14.95, 16.95, 18.95];

    public static double SnapPrice(double price)
    {
        var best = PricePoints[0];
        foreach (var p in PricePoints)
            if (Math.Abs(p - price) < Math.Abs(best - price)) best = p;
        return best;
    }
}
