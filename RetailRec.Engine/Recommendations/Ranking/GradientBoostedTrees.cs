using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace RetailRec.Engine.Recommendations.Ranking;

public enum GbmObjective { LambdaRank, Binary }

/// <summary>LightGBM settings shared by the ranker and the propensity model.</summary>
public sealed record GbmSettings
{
    public int MaxTrees { get; init; } = 300;
    public int EarlyStoppingRounds { get; init; } = 30;
    public int Leaves { get; init; } = 31;
    public double LearningRate { get; init; } = 0.05;
    public int MinRowsPerLeaf { get; init; } = 50;
    public int Seed { get; init; } = 42;
}

/// <summary>
/// A LightGBM model trained through ML.NET (LambdaRank grouped by customer, or binary log-loss), with one
/// <see cref="MLContext"/> seeded per training and a fixed thread count, so the same rows give the same trees.
/// Scoring goes through ML.NET prediction engines, one per thread (an engine is not thread-safe, the model is).
/// Save/Load use ML.NET's model zip.
/// </summary>
public sealed class GradientBoostedTrees : IDisposable
{
    // LightGBM sums histograms per thread; a fixed count keeps results identical on machines with more cores.
    private const int Threads = 2;
    // LightGBM's native trainer sets OpenMP's process-global thread count and indexes per-thread buffers by it; two
    // trainings at once in one process (jobs of the app, parallel test classes) can crash the process
    // (dotnet/machinelearning#4918, #6961). Trainings are therefore serialised; scoring is managed code and stays parallel.
    private static readonly Lock TrainingLock = new();
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly ThreadLocal<PredictionEngine<GbmRow, GbmOutput>> _engines;
    private readonly ThreadLocal<PredictionEngine<GbmRow, GbmProbability>>? _probabilities;

    public GbmObjective Objective { get; }
    public int Width { get; }
    /// <summary>Gain-based importance per feature (LightGBM's split gains summed over trees).</summary>
    public float[] Importance { get; }

    private GradientBoostedTrees(MLContext ml, ITransformer model, DataViewSchema inputSchema, GbmObjective objective, int width)
    {
        _ml = ml; _model = model; _inputSchema = inputSchema; Objective = objective; Width = width;
        var schema = GbmData.Schema(width, 1);
        _engines = new ThreadLocal<PredictionEngine<GbmRow, GbmOutput>>(
            () => _ml.Model.CreatePredictionEngine<GbmRow, GbmOutput>(_model, inputSchemaDefinition: schema), trackAllValues: true);
        if (objective == GbmObjective.Binary)
            _probabilities = new ThreadLocal<PredictionEngine<GbmRow, GbmProbability>>(
                () => _ml.Model.CreatePredictionEngine<GbmRow, GbmProbability>(_model, inputSchemaDefinition: schema), trackAllValues: true);
        Importance = ReadImportance(model, width);
    }

    public static GradientBoostedTrees Train(GbmObjective objective, GbmData train, GbmData? validation, GbmSettings s)
    {
        var ml = new MLContext(s.Seed);
        var trainView = train.ToDataView(ml);
        var validView = validation?.ToDataView(ml);
        var early = validView is null ? 0 : s.EarlyStoppingRounds;
        using var serial = TrainingLock.EnterScope();
        ITransformer model = objective switch
        {
            GbmObjective.LambdaRank => ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = nameof(GbmRow.Label), FeatureColumnName = nameof(GbmRow.Features), RowGroupColumnName = nameof(GbmRow.Group),
                NumberOfLeaves = s.Leaves, NumberOfIterations = s.MaxTrees, LearningRate = s.LearningRate,
                MinimumExampleCountPerLeaf = s.MinRowsPerLeaf, EarlyStoppingRound = early, Seed = s.Seed, NumberOfThreads = Threads,
                EvaluationMetric = LightGbmRankingTrainer.Options.EvaluateMetricType.NormalizedDiscountedCumulativeGain,
                Verbose = false, Silent = true,
            }).Fit(trainView, validView),
            GbmObjective.Binary => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = nameof(GbmRow.Bought), FeatureColumnName = nameof(GbmRow.Features), ExampleWeightColumnName = nameof(GbmRow.Weight),
                NumberOfLeaves = s.Leaves, NumberOfIterations = s.MaxTrees, LearningRate = s.LearningRate,
                MinimumExampleCountPerLeaf = s.MinRowsPerLeaf, EarlyStoppingRound = early, Seed = s.Seed, NumberOfThreads = Threads,
                EvaluationMetric = LightGbmBinaryTrainer.Options.EvaluateMetricType.Logloss,
                Verbose = false, Silent = true,
            }).Fit(trainView, validView),
            _ => throw new ArgumentOutOfRangeException(nameof(objective)),
        };
        return new GradientBoostedTrees(ml, model, trainView.Schema, objective, train.Width);
    }

    /// <summary>The raw model output (LambdaRank score, or the binary log-odds margin).</summary>
    public float Score(ReadOnlySpan<float> row)
    {
        var engine = _engines.Value!;
        var input = new GbmRow { Features = row.ToArray() };
        return engine.Predict(input).Score;
    }

    /// <summary>P(label) of a binary model: LightGBM's sigmoid of the margin, as ML.NET reports it.</summary>
    public float Probability(ReadOnlySpan<float> row) =>
        (_probabilities ?? throw new InvalidOperationException("only a binary model gives probabilities")).Value!
            .Predict(new GbmRow { Features = row.ToArray() }).Probability;

    /// <summary>
    /// Each feature's share of this row's score, by occlusion: the score minus the score with that one feature set to
    /// <paramref name="reference"/>'s value (a typical row). Positive = the feature pushed the item up.
    /// </summary>
    public float[] Contributions(ReadOnlySpan<float> row, ReadOnlySpan<float> reference)
    {
        var full = Score(row);
        var x = row.ToArray();
        var result = new float[Width];
        for (var k = 0; k < Width; k++)
        {
            var keep = x[k];
            x[k] = reference[k];
            result[k] = full - Score(x);
            x[k] = keep;
        }
        return result;
    }

    public void Save(Stream stream) => _ml.Model.Save(_model, _inputSchema, stream);

    public static GradientBoostedTrees Load(Stream stream, GbmObjective objective, int width, int seed = 42)
    {
        var ml = new MLContext(seed);
        var model = ml.Model.Load(stream, out var schema);
        return new GradientBoostedTrees(ml, model, schema, objective, width);
    }

    private static float[] ReadImportance(ITransformer model, int width)
    {
        var parameters = (model as ISingleFeaturePredictionTransformer<object>)?.Model;
        if (parameters is CalibratedModelParametersBase calibrated) parameters = calibrated.SubModel;
        var weights = default(VBuffer<float>);
        if (parameters is TreeEnsembleModelParameters trees) trees.GetFeatureWeights(ref weights);
        var dense = new float[width];
        weights.CopyTo(dense);
        return dense;
    }

    public void Dispose()
    {
        foreach (var e in _engines.Values) e.Dispose();
        _engines.Dispose();
        if (_probabilities is null) return;
        foreach (var e in _probabilities.Values) e.Dispose();
        _probabilities.Dispose();
    }
}
