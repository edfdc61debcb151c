using RetailRec.Engine.Recommendations.Evaluation.Splits;
using RetailRec.Engine.Datasets.RetailLogs;

namespace RetailRec.Engine.Recommendations.Ranking;

/// <summary>
/// Learned next-basket ranker (Instacart-winner style; see docs/EVALUATION.md): candidates from the customer's own
/// items and the collaborative / sequential / popularity sources (<see cref="CandidatePool"/>), one row of repeat,
/// item, customer and source features per candidate (<see cref="RankerFeatureContext"/>), scored by LightGBM trees
/// trained on the last window of the training view (<see cref="RankerExamples"/>). Items outside the pool keep their
/// popularity order below every candidate. Read-only after <see cref="Fit"/>, so scoring may run in parallel.
/// </summary>
public sealed class LearnedRanker(RankerOptions? options = null) : IRecommender, IDisposable
{
    private readonly RankerOptions _o = options ?? new RankerOptions();
    private RankerFeatureContext _context = null!;
    private CandidatePool _pool = null!;
    private GradientBoostedTrees _model = null!;
    private float[] _reference = [];
    private float[] _fallback = [];
    private readonly ThreadLocal<Candidates?> _lastCandidates = new();

    public string Name => "Ranker";
    public RankerOptions Options => _o;
    public RankerFitReport? Report { get; private set; }
    public string Parameters => $"labels={_o.Labels};pool={_o.PoolSize};objective={Report?.Chosen.ToString() ?? _o.Objective.ToString()};leaves={_o.Leaves};seed={_o.Seed}";

    public void Fit(RetailLog train, IProgress<double>? progress, CancellationToken ct)
    {
        // The training view ends at its last invoice; its last window (or last baskets) are the labels.
        var end = train.DefaultAnalysisDate;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var examples = RankerExamples.Build(train, end, _o, ct);
        var exampleSeconds = sw.Elapsed.TotalSeconds;
        progress?.Report(0.4);
        (_model, _reference, var report) = RankerTraining.Train(examples, _o);
        var trainSeconds = sw.Elapsed.TotalSeconds - exampleSeconds;
        progress?.Report(0.8);
        Prepare(train, end, ct);
        Report = report with { ExampleSeconds = exampleSeconds, TrainSeconds = trainSeconds, PrepareSeconds = sw.Elapsed.TotalSeconds - exampleSeconds - trainSeconds };
        progress?.Report(1);
    }

    /// <summary>Rebuilds the features for <paramref name="train"/> and uses a saved model (see <see cref="Save"/>).</summary>
    public static LearnedRanker Load(RetailLog train, Stream stream, RankerOptions? options = null, CancellationToken ct = default)
    {
        var ranker = new LearnedRanker(options);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        ranker._reference = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadSingle()).ToArray();
        using var zip = new MemoryStream(reader.ReadBytes(reader.ReadInt32()));
        ranker._model = GradientBoostedTrees.Load(zip, (GbmObjective)reader.ReadInt32(), RankerFeatures.Count, ranker._o.Seed);
        ranker.Prepare(train, train.DefaultAnalysisDate, ct);
        return ranker;
    }

    /// <summary>Writes the trees (ML.NET's model zip) and the reference row the reasons are measured against.</summary>
    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(_reference.Length);
        foreach (var v in _reference) writer.Write(v);
        using var zip = new MemoryStream();
        _model.Save(zip);
        writer.Write((int)zip.Length);
        writer.Write(zip.ToArray());
        writer.Write((int)_model.Objective);
    }

    private void Prepare(RetailLog train, DateTime asOf, CancellationToken ct)
    {
        _context = new RankerFeatureContext(train, asOf);
        _pool = new CandidatePool(train, _context, _o, ct);
        _fallback = new float[train.ItemCount];
        _pool.PopularityFallback(_fallback);
        var max = _fallback.Length == 0 ? 0 : _fallback.Max();
        // Below any candidate's tree score (which stays far above -1000), in popularity order.
        for (var i = 0; i < _fallback.Length; i++) _fallback[i] = (max > 0 ? _fallback[i] / max : 0) - 1000;
    }

    public void Score(int customer, Span<float> scores)
    {
        _fallback.CopyTo(scores);
        if (!_context.HasHistory(customer)) return;
        var candidates = CandidatesOf(customer);
        var rows = RankerRows.Build(_context, candidates);
        var w = RankerFeatures.Count;
        for (var k = 0; k < candidates.Items.Length; k++) scores[candidates.Items[k]] = _model.Score(rows.AsSpan(k * w, w));
    }

    /// <summary>The reason of the strongest feature contributions of this (customer, item) row.</summary>
    public string Explain(int customer, int item)
    {
        if (!_context.HasHistory(customer)) return "popular right now";
        var candidates = CandidatesOf(customer);
        var k = Array.IndexOf(candidates.Items, item);
        if (k < 0) return "popular right now";
        var row = new float[RankerFeatures.Count];
        _context.Fill(customer, item, row);
        CandidatePool.FillSources(candidates, k, row);
        return RankerReasons.Describe(row, _model.Contributions(row, _reference));
    }

    /// <summary>The candidate pool of one customer (what the ranker may recommend).</summary>
    public int[] CandidateItems(int customer) => _context.HasHistory(customer) ? CandidatesOf(customer).Items : [];

    /// <summary>Share of the split's targets that are in the pool: the most the ranker can recall.</summary>
    public double CandidateRecall(NextBasketSplit split)
    {
        long found = 0, total = 0;
        Parallel.ForEach(split.Cases, () => (0L, 0L), (c, _, acc) =>
        {
            var pool = CandidateItems(c.Customer).ToHashSet();
            return (acc.Item1 + c.Targets.Count(pool.Contains), acc.Item2 + c.Targets.Length);
        }, acc => { Interlocked.Add(ref found, acc.Item1); Interlocked.Add(ref total, acc.Item2); });
        return total == 0 ? 0 : (double)found / total;
    }

    // Explain is called for each item of a list right after Score for the same customer: keep that pool per thread.
    private Candidates CandidatesOf(int customer)
    {
        if (_lastCandidates.Value is { } last && last.Customer == customer) return last;
        var c = _pool.For(customer);
        _lastCandidates.Value = c;
        return c;
    }

    public void Dispose()
    {
        _model?.Dispose();
        _lastCandidates.Dispose();
    }
}
