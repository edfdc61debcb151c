using RetailRec.Engine.Recommendations.Evaluation;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Recommendations.Baselines;
using RetailRec.Engine.Recommendations.Common;
using RetailRec.Engine.Recommendations.Content;
using RetailRec.Engine.Recommendations.Ease;
using RetailRec.Engine.Recommendations.Hybrid;
using RetailRec.Engine.Recommendations.MarketBasket;
using RetailRec.Engine.Recommendations.Neighbourhood;
using RetailRec.Engine.Recommendations.Ranking;

namespace RetailRec.Engine.Recommendations.Serving;

/// <summary>
/// The trained set of models behind the UI and API: the live path (<see cref="Recommend"/>, one customer on demand),
/// the seven-slot list, "paired"/"similar" item lists, and the batch path (<see cref="Precompute"/>). Read-only after
/// <see cref="Train"/>, so one instance serves concurrent requests.
/// </summary>
public sealed class RecommendationEngine
{
    private readonly Dictionary<RecommendationMethod, IRecommender> _models;
    private readonly HashSet<int>[] _bought;

    public RetailLog Train { get; }
    public bool[] Rankable { get; }
    public BasketRulesRecommender Rules { get; }
    public ContentRecommender Content { get; }
    public ItemCategories Categories { get; }
    public PersonalFrequencyRecommender Frequency { get; }
    /// <summary>The model behind "Personalized" and why (see <see cref="PersonalizedSelector"/>).</summary>
    public PersonalizedChoice Personalized { get; private init; } = new("RepeatAware", "fixed", null, null);

    private RecommendationEngine(RetailLog train, Dictionary<RecommendationMethod, IRecommender> models,
        BasketRulesRecommender rules, ContentRecommender content, PersonalFrequencyRecommender frequency)
    {
        Train = train;
        _models = models;
        Rules = rules;
        Content = content;
        Frequency = frequency;
        Categories = new ItemCategories(train);
        Rankable = TrainingCatalogue.SeenItems(train);
        _bought = new HashSet<int>[train.CustomerCount];
        for (var c = 0; c < _bought.Length; c++) _bought[c] = [];
        foreach (var b in train.Baskets) foreach (var i in b.Items) _bought[b.Customer].Add(i);
    }

    /// <summary>Trains every served model on <paramref name="log"/>. <paramref name="segmentOf"/> maps customer index -> segment name.</summary>
    public static RecommendationEngine Fit(RetailLog log, RecommendationSettings? settings = null, Func<int, string?>? segmentOf = null,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var s = settings ?? new RecommendationSettings();
        var popular = new PopularityRecommender(s.PopularityWindowDays);
        var personal = new RepeatPropensityRecommender(s.RepeatHalfLifeDays, s.RepeatGamma,
            new TifuKnnRecommender(s.TifuNeighbours, s.TifuBasketDecay, alpha: 0), s.ExploreWeight);
        var cf = new EaseRecommender(s.EaseLambda);
        var content = new ContentRecommender(s.ContentNeighbours);
        var rules = new BasketRulesRecommender(minBaskets: s.RuleMinBaskets);
        var frequency = new PersonalFrequencyRecommender(s.PersonalHalfLifeDays, s.PopularityWindowDays);
        IRecommender segment = segmentOf is null ? popular : new SegmentPopularityRecommender(segmentOf);
        IRecommender[] all = [popular, personal, cf, content, rules, frequency, segment];
        for (var k = 0; k < all.Length; k++)
        {
            if (k < 6 || segment != popular) all[k].Fit(log, null, ct);
            progress?.Report((k + 1.0) / all.Length);
        }
        var choice = s.Personalized switch
        {
            PersonalizedModel.RepeatAware => new PersonalizedChoice("RepeatAware", "fixed by the settings", null, null),
            PersonalizedModel.Ranker => new PersonalizedChoice("Ranker", "fixed by the settings", null, null),
            _ => PersonalizedSelector.Choose(log, () => new RepeatPropensityRecommender(s.RepeatHalfLifeDays, s.RepeatGamma,
                new TifuKnnRecommender(s.TifuNeighbours, s.TifuBasketDecay, alpha: 0), s.ExploreWeight), ct: ct),
        };
        IRecommender personalized = personal;
        if (choice.Model == "Ranker")
        {
            var ranker = new LearnedRanker();
            ranker.Fit(log, null, ct);
            personalized = ranker;
        }
        var w = s.AllWeights;
        var blend = new WeightedBlendRecommender("All",
            [new(personal, w.Personal), new(cf, w.Cf), new(content, w.Content), new(segment, w.Popular)], partsFitted: true);
        blend.Fit(log, null, ct);
        var models = new Dictionary<RecommendationMethod, IRecommender>
        {
            [RecommendationMethod.Personalized] = personalized,
            [RecommendationMethod.Segment] = segment,
            [RecommendationMethod.CF] = cf,
            [RecommendationMethod.Popular] = popular,
            [RecommendationMethod.All] = blend,
        };
        return new RecommendationEngine(log, models, rules, content, frequency) { Personalized = choice };
    }

    public IRecommender Model(RecommendationMethod method) => _models[method];

    /// <summary>Distinct items the customer bought in training.</summary>
    public IReadOnlySet<int> BoughtItems(int customer) => customer >= 0 && customer < _bought.Length ? _bought[customer] : new HashSet<int>();

    public bool HasHistory(int customer) => customer >= 0 && customer < _bought.Length && _bought[customer].Count > 0;

    /// <summary>Live path: scores the whole catalogue for one customer and returns the best allowed items with reasons.</summary>
    public IReadOnlyList<RecommendedItem> Recommend(int customer, RecommendationMethod method, RecommendOptions? options = null)
    {
        var o = options ?? new RecommendOptions();
        // Customers without history cannot be personalised: every method answers with popularity for them.
        var model = HasHistory(customer) || method == RecommendationMethod.Segment ? _models[method] : _models[RecommendationMethod.Popular];
        var scores = new float[Train.ItemCount];
        model.Score(customer, scores);
        var top = TopK.Select(scores, o.Count, i => Allowed(customer, i, o));
        return top.Select(i => Item(customer, i, scores[i], method.ToString(), model)).ToArray();
    }

    internal bool Allowed(int customer, int item, RecommendOptions o) =>
        Rankable[item] && (o.ExcludeItems is null || !o.ExcludeItems.Contains(item))
                       && !(o.ExcludeBought && customer >= 0 && customer < _bought.Length && _bought[customer].Contains(item));

    internal RecommendedItem Item(int customer, int item, float score, string method, IRecommender explainer) =>
        new(item, Train.ItemCodes[item], Train.ItemDescriptions[item], score, method, Reason(customer, item, explainer));

    /// <summary>"You bought this 5 times" beats any model-specific reason when it is true, except the ranker's own
    /// reasons, which come from its strongest feature contributions ("due again: ...").</summary>
    private string Reason(int customer, int item, IRecommender explainer)
    {
        if (explainer is LearnedRanker) return explainer.Explain(customer, item);
        var times = Frequency.TimesBought(customer, item);
        return times >= 2 ? $"you bought this {times} times" : explainer.Explain(customer, item);
    }

    /// <summary>Customers who bought this item also bought, within the same invoice (by lift, strongest first).</summary>
    public IReadOnlyList<ItemPair> PairedItems(int item, int count = 10, double minLift = 1) =>
        Rules.Rules.PartnersByLift(item, minLift).Take(count).ToArray();

    /// <summary>Items with similar descriptions (works for items nobody bought yet).</summary>
    public IReadOnlyList<(int Item, float Similarity)> SimilarItems(int item, int count = 10) => Content.SimilarTo(item).Take(count).ToArray();

    public SevenSlotList SevenSlots(int customer, RecommendOptions? options = null) => SevenSlotComposer.Compose(this, customer, options ?? new());

    /// <summary>Batch path: top-N for every customer, in parallel, reasons included, so serving is a lookup.</summary>
    public PrecomputedRecommendations Precompute(RecommendationMethod method, RecommendOptions? options = null, CancellationToken ct = default)
    {
        var lists = new IReadOnlyList<RecommendedItem>[Train.CustomerCount];
        Parallel.For(0, lists.Length, new ParallelOptions { CancellationToken = ct }, c => lists[c] = Recommend(c, method, options));
        return new PrecomputedRecommendations(method, lists);
    }
}

/// <summary>Precomputed top-N lists by customer index (the batch path's output; the lead may persist it).</summary>
public sealed class PrecomputedRecommendations(RecommendationMethod method, IReadOnlyList<RecommendedItem>[] lists)
{
    public RecommendationMethod Method => method;
    public int CustomerCount => lists.Length;
    public IReadOnlyList<RecommendedItem> For(int customer) => customer >= 0 && customer < lists.Length ? lists[customer] : [];
}
