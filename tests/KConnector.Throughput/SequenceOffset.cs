using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KConnector.Throughput;

/// <summary>
/// A source offset of one entry, <c>{"seq": sequence}</c>, as one object of 24 bytes where a
/// <see cref="Dictionary{TKey, TValue}"/> with its buckets, entries and value string takes about
/// 250: what a compact offset type in the public API would let a task hand over. The worker takes
/// any <see cref="IReadOnlyDictionary{TKey, TValue}"/>; the value's text is made only when read
/// (at an offset commit, for the latest offset per source partition).
/// </summary>
internal sealed class SequenceOffset(long sequence) : IReadOnlyDictionary<string, string>
{
    public const string Key = "seq";

    public int Count => 1;

    public IEnumerable<string> Keys => [Key];

    public IEnumerable<string> Values => [Text];

    public string this[string key] =>
        key == Key ? Text : throw new KeyNotFoundException($"No '{key}' in a sequence offset.");

    private string Text => sequence.ToString(CultureInfo.InvariantCulture);

    public bool ContainsKey(string key) => key == Key;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        value = key == Key ? Text : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        yield return KeyValuePair.Create(Key, Text);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
