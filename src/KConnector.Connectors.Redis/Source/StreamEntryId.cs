using System.Globalization;

namespace KConnector.Connectors.Redis.Source;

/// <summary>A Redis stream entry id, <c>milliseconds-sequence</c>, ordered as Redis orders them.</summary>
/// <param name="Milliseconds">The id's time part.</param>
/// <param name="Sequence">The id's sequence within that millisecond.</param>
internal readonly record struct StreamEntryId(ulong Milliseconds, ulong Sequence)
    : IComparable<StreamEntryId>
{
    /// <summary>Parses <c>ms-seq</c> (or <c>ms</c>); null when <paramref name="text"/> is not an id.</summary>
    public static StreamEntryId? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var ms = dash < 0 ? text : text[..dash];
        var seq = dash < 0 ? "0" : text[(dash + 1)..];
        return
            ulong.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && ulong.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? new StreamEntryId(m, s)
            : null;
    }

    /// <inheritdoc />
    public int CompareTo(StreamEntryId other) =>
        Milliseconds != other.Milliseconds
            ? Milliseconds.CompareTo(other.Milliseconds)
            : Sequence.CompareTo(other.Sequence);

    /// <summary>The time the entry was added (the id's time part).</summary>
    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds((long)Milliseconds);
}
