using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Promotions.Models;
using RetailRec.Engine.Recommendations.Catalog;

namespace RetailRec.Engine.Promotions.Campaigns;

/// <summary>
/// Builds a targeted campaign for one or more products: trains the chosen purchase-probability model (logistic or MLP,
/// optionally with a recommender's ranks as a feature) on data before the scoring date, calibrates its probabilities
/// on the last horizon before that date (<see cref="PropensityTrainer.TrainCalibrated"/>), scores every eligible
/// customer, ranks by expected profit (or incremental profit when uplift estimates are given), and prices the chosen
/// audience against broadcasting to everyone and a random audience of the same size. See docs/PROMOTIONS.md.
/// </summary>
public sealed class CampaignBuilder(RetailLog log, PropensityOptions? options = null)
{
    private readonly PropensityOptions _options = options ?? new PropensityOptions();

    /// <param name="upliftByCustomer">Optional customer id -> estimated change in purchase probability when contacted.</param>
    public CampaignPlan Build(CampaignRequest request, IReadOnlyDictionary<string, double>? upliftByCustomer = null, CancellationToken ct = default)
    {
        var date = request.ScoringDate ?? log.DefaultAnalysisDate;
        var options = _options with { HorizonDays = request.HorizonDays };
        var history = new PurchaseHistory(log, date);
        var warnings = new List<string>();
        var items = ProductResolver.Resolve(log, history, request, warnings);
        var pool = PropensityTrainer.PoolFor(history, items, options.PooledItems);
        var builder = new PropensityFeatureBuilder(request.RecommenderFeature is { } family ? new RecommenderScores(log, Recommender(family), pool, ct) : null);
        var trainer = new PropensityTrainer(options, builder);
        var (model, calibration) = trainer.TrainCalibrated(request.Model, request.Calibration, log, date, pool);
        ct.ThrowIfCancellationRequested();
        var customers = Eligible(history, request);
        if (customers.Length == 0) throw new ArgumentException("no customer matches the country / segment filters");

        var stats = new ProductStats(log, items, date);
        var d = request.DiscountPercent / 100;
        var scored = new ScoredCustomer[customers.Length];
        var probabilities = items.Select(i => (Item: i, Matrix: builder.Build(history, i, customers))).ToArray();
        var send = new SendTimeAdvisor(log, date);
        for (var r = 0; r < customers.Length; r++)
        {
            var c = customers[r];
            double none = 1, rawNone = 1, units = 0, gross = 0, margin = 0, best = -1;
            var bestItem = probabilities[0];
            foreach (var entry in probabilities)
            {
                var raw = model.RawPredict(entry.Matrix.Row(r));
                var p = model.Calibration.Apply(raw);
                rawNone *= 1 - raw;
                var u = stats.Units(c, entry.Item);
                var price = stats.Price(entry.Item);
                none *= 1 - p;
                units += p * u;
                gross += p * u * price;
                margin += p * u * (request.UnitMargin ?? request.MarginShare * price);
                if (p > best) { best = p; bestItem = entry; }
            }
            var uplift = upliftByCustomer is not null && upliftByCustomer.TryGetValue(log.CustomerIds[c], out var up) ? up : (double?)null;
            var probability = 1 - none;
            var (day, hour) = send.For(c);
            scored[r] = new ScoredCustomer(c, probability, 1 - rawNone, units, gross, margin, uplift,
                Reasons(model, builder.Names, bestItem.Matrix.Row(r)), day, hour);
        }

        var economics = new CampaignEconomics(request, d);
        // Isotonic calibration pools scores into steps; within a step the model's own order still decides.
        var ranked = scored.OrderByDescending(s => economics.RankValue(s)).ThenByDescending(s => s.RawProbability).ThenBy(s => s.Customer).ToArray();
        var n = AudienceSize(request, ranked, economics);
        var chosen = ranked.Take(n).ToArray();
        var targets = chosen.Select(s => new CampaignTarget(log.CustomerIds[s.Customer], log.CustomerCountries[s.Customer], s.Probability,
            s.Units, s.Gross * (1 - d), economics.Profit(s), s.Reasons, DiscountTiers.Suggest(s.Probability, request.DiscountPercent, s.Uplift),
            s.SendDay, s.SendHour, s.Uplift)).ToArray();
        var fairness = CountryFairness.Compute(log, scored, chosen, request.FairnessRatio);
        warnings.AddRange(fairness.Where(f => f.Warning).Select(f =>
            $"{f.Country}: {f.ShareOfTargets:P0} of targets but {f.ShareOfExpectedBuyers:P0} of expected buyers"));
        return new CampaignPlan(items.Select(i => log.ItemCodes[i]).ToArray(), items.Select(i => log.ItemDescriptions[i]).ToArray(), date,
            customers.Length, targets, economics.Totals("targeted", chosen, 1), economics.Totals("broadcast", scored, 1),
            economics.Totals("random", scored, n / (double)scored.Length), fairness, warnings,
            new CampaignModelInfo(model.Name, builder.Names, builder.Recommender?.ModelName, pool.Count, calibration));
    }

    private static Func<Recommendations.IRecommender> Recommender(string family) =>
        ModelCatalog.Select([family]).FirstOrDefault() is { } f
            ? f.CreateDefault
            : throw new ArgumentException($"unknown recommender \"{family}\"; use one of {string.Join(", ", ModelCatalog.Classical().Select(m => m.Name))}");

    private int[] Eligible(PurchaseHistory history, CampaignRequest request) =>
        history.ActiveCustomers().Where(c =>
        {
            var id = log.CustomerIds[c];
            if (request.Countries is { Count: > 0 } countries && !countries.Contains(log.CustomerCountries[c], StringComparer.OrdinalIgnoreCase)) return false;
            if (request.Segments is { Count: > 0 } segments &&
                (request.SegmentOf is null || !request.SegmentOf.TryGetValue(id, out var seg) || !segments.Contains(seg))) return false;
            if (request.MaxRecentContacts is { } cap && request.RecentContacts is not null &&
                request.RecentContacts.TryGetValue(id, out var contacts) && contacts >= cap) return false;
            return true;
        }).ToArray();

    private static int AudienceSize(CampaignRequest request, ScoredCustomer[] ranked, CampaignEconomics economics)
    {
        var n = request.AudienceSize
                ?? (request.Budget is { } budget && request.CostPerMessage > 0 ? (int)Math.Floor(budget / request.CostPerMessage) : (int?)null)
                ?? ranked.Count(s => economics.RankValue(s) > 0);
        return Math.Clamp(n, 0, ranked.Length);
    }

    /// <summary>The three features that raise this customer's log-odds most (relative to an average customer).</summary>
    private static string[] Reasons(IPropensityModel model, string[] names, ReadOnlySpan<double> row) =>
        model.Contributions(row).Select((v, k) => (v, k)).Where(t => t.v > 0).OrderByDescending(t => t.v).Take(3).Select(t => names[t.k]).ToArray();
}

/// <summary>A scored customer: probability of buying any of the products and the expectation sums behind the economics.</summary>
internal sealed record ScoredCustomer(int Customer, double Probability, double RawProbability, double Units, double Gross, double Margin, double? Uplift,
    string[] Reasons, DayOfWeek SendDay, int SendHour);
