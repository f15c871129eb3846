using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KConnector.Records;

/// <summary>
/// A source offset (or source partition) of one entry, e.g. <c>{"position": "1042"}</c>, as one
/// small object: what Kafka Connect's tasks hand over with <c>Collections.singletonMap</c>. A
/// <see cref="Dictionary{TKey, TValue}"/> of one entry takes about 250 bytes with its buckets and
/// entries, and a source record keeps its offset until Kafka acknowledges it, so at full speed
/// those bytes are what the GC copies; this takes 40. The worker reads it as any
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/>: equal content, equal offset.
/// </summary>
public sealed class SingleEntryOffset : IReadOnlyDictionary<string, string>
{
    private readonly long _number;
    private string? _text;

    /// <summary>The offset <c>{key: value}</c>.</summary>
    public SingleEntryOffset(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Key = key;
        _text = value;
    }

    /// <summary>
    /// The offset <c>{key: "number"}</c> (invariant digits): the text is made only when the
    /// offset is read, at an offset commit, for the latest offset of its source partition.
    /// </summary>
    public SingleEntryOffset(string key, long number)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        _number = number;
    }

    /// <summary>The one key.</summary>
    public string Key { get; }

    /// <summary>The one value.</summary>
    public string Value => _text ??= _number.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public int Count => 1;

    /// <inheritdoc />
    public IEnumerable<string> Keys => [Key];

    /// <inheritdoc />
    public IEnumerable<string> Values => [Value];

    /// <inheritdoc />
    /// <exception cref="KeyNotFoundException"><paramref name="key"/> is not the offset's key.</exception>
    public string this[string key] =>
        TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"The offset has no '{key}', only '{Key}'.");

    /// <inheritdoc />
    public bool ContainsKey(string key) => string.Equals(key, Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        value = ContainsKey(key) ? Value : null;
        return value is not null;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        yield return KeyValuePair.Create(Key, Value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
