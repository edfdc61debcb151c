namespace RetailRec.Engine.Runs;

/// <summary>The kind stored on a run row; declared once, next to the job kind that writes such runs.</summary>
public sealed record RunKind(string Name)
{
    public override string ToString() => Name;
}

/// <summary>
/// A run artifact's name and content type, declared once in the feature that writes it, so every reader (page, API,
/// another job) gets the same type back without repeating a string.
/// </summary>
public sealed record ArtifactKey<T>(string Name) where T : notnull
{
    public override string ToString() => Name;
}

/// <summary>The artifacts a run is saved with, added through their typed keys.</summary>
public sealed class RunArtifacts
{
    private readonly Dictionary<string, object> _items = [];

    public RunArtifacts Add<T>(ArtifactKey<T> key, T value) where T : notnull
    {
        _items[key.Name] = value;
        return this;
    }

    public RunArtifacts AddIfNotNull<T>(ArtifactKey<T> key, T? value) where T : class => value is null ? this : Add(key, value);

    public IReadOnlyDictionary<string, object> Items => _items;
}
