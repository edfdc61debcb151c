using Microsoft.Extensions.Caching.Memory;

namespace RetailRec.Engine.Caching;

/// <summary>
/// A <see cref="MemoryCache"/> capped at a number of entries (least recently used go first when it is full), so a
/// server that imports many datasets does not grow without end; entries can be dropped by a key predicate when a
/// dataset is deleted.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int maxEntries) : IDisposable where TKey : notnull
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = maxEntries, CompactionPercentage = 0.25 });

    public bool TryGet(TKey key, out TValue value)
    {
        if (_cache.TryGetValue(key, out var hit) && hit is TValue typed) { value = typed; return true; }
        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value) => _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1 });

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (TryGet(key, out var hit)) return hit;
        var value = create(key);
        Set(key, value);
        return value;
    }

    public void Remove(TKey key) => _cache.Remove(key);

    public void RemoveWhere(Func<TKey, bool> match)
    {
        foreach (var key in _cache.Keys.OfType<TKey>().Where(match).ToList()) _cache.Remove(key);
    }

    public int Count => _cache.Count;

    public void Dispose() => _cache.Dispose();
}
