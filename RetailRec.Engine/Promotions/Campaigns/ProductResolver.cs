using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Features;

namespace RetailRec.Engine.Promotions.Campaigns;

/// <summary>Turns the request's stock codes and keyword into item indexes; unknown codes become warnings.</summary>
internal static class ProductResolver
{
    public static int[] Resolve(RetailLog log, PurchaseHistory history, CampaignRequest request, List<string> warnings)
    {
        var items = new List<int>();
        foreach (var code in request.StockCodes)
        {
            if (log.ItemIndexOf(code.Trim()) is { } i) { if (!items.Contains(i)) items.Add(i); }
            else warnings.Add($"unknown stock code '{code}'");
        }
        if (!string.IsNullOrWhiteSpace(request.Keyword))
        {
            var keyword = request.Keyword.Trim();
            var matches = Enumerable.Range(0, log.ItemCount)
                .Where(i => log.ItemDescriptions[i].Contains(keyword, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(i => history.ItemBuyersRecent[i]).ThenBy(i => i).ToArray();
            if (matches.Length > request.MaxProducts)
                warnings.Add($"'{keyword}' matches {matches.Length} products; the {request.MaxProducts} most bought lately are used");
            foreach (var i in matches.Take(request.MaxProducts)) if (!items.Contains(i)) items.Add(i);
        }
        if (items.Count == 0) throw new ArgumentException("no product matches the request (give known stock codes or a keyword found in descriptions)");
        return items.ToArray();
    }
}
