using System.Text;
using RetailRec.Engine.Neural.Autodiff;
using RetailRec.Engine.Neural.Tensors;

namespace RetailRec.Engine.Neural.Checkpoints;

/// <summary>Everything a checkpoint says about the model besides its weights.</summary>
public sealed record CheckpointHeader(
    string ModelKind,
    string HyperparametersJson,
    string[] ItemCodes,
    IReadOnlyDictionary<string, string> Metadata)
{
    public int FormatVersion { get; init; } = ModelCheckpoint.FormatVersion;
    public string EngineVersion { get; init; } = ModelCheckpoint.EngineVersion;
}

/// <summary>
/// Versioned binary checkpoint: magic "RRNN", format version, engine version, model kind, hyperparameters (JSON),
/// the item vocabulary (stock codes, so a model is never applied to a differently indexed catalogue), free-form
/// metadata, then each parameter as name, shape and raw little-endian float32 values (bit-exact round trip).
/// Written to a temp file in the target folder and moved into place, so readers never see a half-written file.
/// </summary>
public static class ModelCheckpoint
{
    public const int FormatVersion = 1;
    public const string EngineVersion = "retailrec-neural-1.0";
    private static readonly byte[] Magic = "RRNN"u8.ToArray();

    public static void Save(string path, CheckpointHeader header, IReadOnlyList<Parameter> parameters)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(tmp))
            using (var w = new BinaryWriter(stream, Encoding.UTF8))
            {
                w.Write(Magic);
                w.Write(FormatVersion);
                w.Write(header.EngineVersion);
                w.Write(header.ModelKind);
                w.Write(header.HyperparametersJson);
                w.Write(header.ItemCodes.Length);
                foreach (var c in header.ItemCodes) w.Write(c);
                w.Write(header.Metadata.Count);
                foreach (var (k, v) in header.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v); }
                w.Write(parameters.Count);
                foreach (var p in parameters)
                {
                    w.Write(p.Name);
                    w.Write(p.Shape.Length);
                    foreach (var d in p.Shape) w.Write(d);
                    w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(p.Value.Span));
                }
            }
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    public static (CheckpointHeader Header, Dictionary<string, Tensor> Weights) Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        if (!r.ReadBytes(4).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException($"{path} is not a RetailRec neural checkpoint");
        var version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"checkpoint format {version} is not supported (expected {FormatVersion})");
        var engine = r.ReadString();
        var kind = r.ReadString();
        var json = r.ReadString();
        var codes = new string[r.ReadInt32()];
        for (var i = 0; i < codes.Length; i++) codes[i] = r.ReadString();
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var metaCount = r.ReadInt32();
        for (var i = 0; i < metaCount; i++) meta[r.ReadString()] = r.ReadString();
        var weights = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var name = r.ReadString();
            var shape = new int[r.ReadInt32()];
            for (var d = 0; d < shape.Length; d++) shape[d] = r.ReadInt32();
            var t = Tensor.Uninitialized(shape);
            r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(t.Span));
            weights[name] = t;
        }
        return (new CheckpointHeader(kind, json, codes, meta) { FormatVersion = version, EngineVersion = engine }, weights);
    }
}
