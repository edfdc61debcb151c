using RetailRec.Engine.Domain;

namespace RetailRec.Engine.DemoData;

/// <summary>How a customer responds to a promotion of a given product (the planted truth uplift models should find).</summary>
public enum DemoResponse { SureThing, Persuadable, LostCause, DoNotDisturb }

public sealed record DemoPromotionOptions
{
    public int Promotions { get; init; } = 8;
    public int HorizonDays { get; init; } = 30;
    public double TreatedShare { get; init; } = 0.5;
    /// <summary>Share of customers whose response to offers fades with every offer they have received.</summary>
    public double FatigueProneShare { get; init; } = 0.3;
    public double FatigueDecay { get; init; } = 0.6;
    /// <summary>Share of occasional buyers who are deal seekers: persuadable by any offer.</summary>
    public double DealSeekerShare { get; init; } = 0.5;
}

/// <summary>One row of the promotion log, with the planted response type (not part of the file format).</summary>
public sealed record DemoPromotionEntry(string CustomerId, string PromotionId, string StockCode, bool Treated, DateTime SentDate,
    DemoResponse Response, bool FatigueProne);

/// <summary>The log plus the transactions with the promotion responses added (time-ordered, renumbered lines).</summary>
public sealed record DemoPromotionData(IReadOnlyList<DemoPromotionEntry> Log, IReadOnlyList<TransactionRecord> Records);

/// <summary>
/// Adds randomised promotions to a demo dataset: monthly offers of one popular product each, sent to every customer
/// active by then, each randomly treated or held out as control. Response types depend on observable behaviour, so
/// models can learn them: a favourite of the customer -> sure thing (buys anyway); its theme among the customer's
/// favourite themes, or a deal seeker (half of the occasional buyers, a fixed trait) -> persuadable (buys mostly when
/// treated); a fifth of frequent buyers -> do-not-disturb (buy less when contacted); everyone else -> lost cause.
/// Deal seekers make persuadables common enough (a few hundred per promotion) for a held-out promotion to measure
/// uplift above the noise of the sure things' purchases; their buying rhythm (rare, but still active) is what the
/// behaviour features can see. Fatigue-prone persuadables respond less
/// with every offer received.
/// </summary>
public static class DemoPromotionGenerator
{
    public static DemoPromotionData Generate(DemoDataset data, DemoPromotionOptions? options = null)
    {
        var o = options ?? new DemoPromotionOptions();
        var rng = new Random(unchecked(data.Options.Seed * 7919 + 13)); // own stream: the base transactions stay as they are
        var end = data.Options.End;
        var popular = data.Products.OrderByDescending(p => p.Popularity).ThenBy(p => p.Index).Take(40).ToArray();
        var fatigueProne = data.Customers.Select(_ => rng.NextDouble() < o.FatigueProneShare).ToArray();
        var dealSeeker = data.Customers.Select(c => c.Tier == DemoTier.Occasional && rng.NextDouble() < o.DealSeekerShare).ToArray();
        var treatedSoFar = new int[data.Customers.Count];
        var log = new List<DemoPromotionEntry>();
        var added = new List<TransactionRecord>();
        var invoice = 700_000;
        var used = new HashSet<int>();

        for (var k = 0; k < o.Promotions; k++)
        {
            // The last horizon closes two days before the end, so every outcome is complete.
            var sent = end.AddDays(-o.HorizonDays - 2 - 30.0 * (o.Promotions - 1 - k)).Date.AddHours(9);
            var product = popular.Where(p => p.IsOnSale(sent) && p.IsOnSale(sent.AddDays(o.HorizonDays)) && !used.Contains(p.Index))
                .OrderBy(_ => rng.Next()).First();
            used.Add(product.Index);
            var id = $"P{k + 1:00}";
            foreach (var c in data.Customers.Where(c => c.FirstActive < sent))
            {
                var response = ResponseOf(c, product, dealSeeker[c.Index], rng);
                var treated = rng.NextDouble() < o.TreatedShare;
                log.Add(new DemoPromotionEntry(c.CustomerId, id, product.StockCode, treated, sent, response, fatigueProne[c.Index]));
                var p = BuyProbability(response, treated) * (treated && fatigueProne[c.Index] && response == DemoResponse.Persuadable
                    ? Math.Pow(o.FatigueDecay, treatedSoFar[c.Index]) : 1);
                if (c.LastActive < sent) p = 0; // churned customers are gone
                if (treated) treatedSoFar[c.Index]++;
                if (rng.NextDouble() >= p) continue;
                var time = sent.Date.AddDays(rng.Next(0, o.HorizonDays)).AddHours(c.PreferredHour).AddMinutes(rng.Next(60));
                if (time.DayOfWeek == DayOfWeek.Saturday) time = time.AddDays(1);
                if (time >= end) time = end.AddMinutes(-1);
                added.Add(new TransactionRecord(0, (invoice++).ToString(System.Globalization.CultureInfo.InvariantCulture), product.StockCode,
                    product.Description, product.Pack, time, product.Price, c.CustomerId, c.Country));
            }
        }
        var records = data.Records.Concat(added).OrderBy(r => r.InvoiceDate).ThenBy(r => r.LineNumber == 0 ? long.MaxValue : r.LineNumber)
            .Select((r, i) => r with { LineNumber = i + 1 }).ToList();
        return new DemoPromotionData(log, records);
    }

    private static DemoResponse ResponseOf(DemoCustomer c, DemoProduct product, bool dealSeeker, Random rng)
    {
        if (c.Favourites.Contains(product.Index)) return DemoResponse.SureThing;
        if (c.Tier == DemoTier.Frequent && rng.NextDouble() < 0.2) return DemoResponse.DoNotDisturb;
        if (c.FavouriteThemes.Contains(product.Theme) || dealSeeker) return DemoResponse.Persuadable;
        return DemoResponse.LostCause;
    }

    private static double BuyProbability(DemoResponse response, bool treated) => response switch
    {
        DemoResponse.SureThing => 0.6,
        DemoResponse.Persuadable => treated ? 0.45 : 0.03,
        DemoResponse.DoNotDisturb => treated ? 0.05 : 0.3,
        _ => 0.01,
    };
}
