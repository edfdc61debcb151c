using System.Globalization;
using System.Text.Json;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Neural.Checkpoints;

namespace RetailRec.Engine.Neural.Models;

public abstract partial class SequenceRecommender
{
    /// <summary>Writes the current weights with options, vocabulary and blend weight (temp file, then move).</summary>
    public void SaveCheckpoint(string path)
    {
        var net = Net ?? throw new InvalidOperationException("the model is not trained");
        var meta = new Dictionary<string, string>
        {
            ["blend_weight"] = BlendWeight.ToString("R", CultureInfo.InvariantCulture),
            ["recency_decay"] = RecencyDecay.ToString("R", CultureInfo.InvariantCulture),
            ["saved_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        ModelCheckpoint.Save(path, new CheckpointHeader(net.Kind, JsonSerializer.Serialize(Options), _log!.ItemCodes, meta), net.Parameters);
    }

    /// <summary>
    /// Restores a model saved by <see cref="SaveCheckpoint"/> and attaches the training view it scores from.
    /// The view's item codes must equal the checkpoint's vocabulary (the same item indexes).
    /// </summary>
    public static SequenceRecommender Load(string path, RetailLog train)
    {
        var (header, weights) = ModelCheckpoint.Load(path);
        try
        {
            if (!header.ItemCodes.SequenceEqual(train.ItemCodes, StringComparer.OrdinalIgnoreCase))
                throw new InvalidDataException("the checkpoint's item vocabulary differs from this dataset's");
            var options = JsonSerializer.Deserialize<SequenceRecommenderOptions>(header.HyperparametersJson)
                          ?? throw new InvalidDataException("checkpoint has no hyperparameters");
            SequenceRecommender model = header.ModelKind switch
            {
                "SASRec" => new SasRecRecommender(options),
                "GRU4Rec" => new Gru4RecRecommender(options),
                _ => throw new InvalidDataException($"unknown model kind {header.ModelKind}"),
            };
            var net = model.Net = model.CreateNet(header.ItemCodes.Length);
            foreach (var p in net.Parameters)
            {
                if (!weights.TryGetValue(p.Name, out var w) || !w.SameShape(p.Value)) throw new InvalidDataException($"parameter {p.Name} missing or of another shape");
                w.Span.CopyTo(p.Value.Span);
            }
            model.BlendWeight = double.Parse(header.Metadata.GetValueOrDefault("blend_weight", "0"), CultureInfo.InvariantCulture);
            model.RecencyDecay = float.Parse(header.Metadata.GetValueOrDefault("recency_decay", options.RecencyDecay.ToString("R", CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            model.Attach(train, CustomerSequences.Build(train));
            model.PrepareScoring();
            return model;
        }
        finally
        {
            foreach (var w in weights.Values) w.Dispose();
        }
    }
}
