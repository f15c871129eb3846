namespace KConnector.Quickstart;

/// <summary>One record read back from the dead-letter queue: the raw line and its headers.</summary>
/// <param name="Offset">Its offset in the queue's single partition.</param>
/// <param name="Value">The raw value (the malformed line), as UTF-8 text.</param>
/// <param name="Headers">Its headers (the <c>__connect.errors.*</c> context), in order.</param>
public sealed record DeadLetter(
    long Offset,
    string Value,
    IReadOnlyList<KeyValuePair<string, string>> Headers
)
{
    /// <summary>The value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key == name) is { Key: not null } h ? h.Value : null;
}
