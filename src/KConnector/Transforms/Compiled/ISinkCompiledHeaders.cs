namespace KConnector.Transforms.Compiled;

/// <summary>
/// A sink converter whose compiled chain adds headers (a compiled <c>HeaderFrom</c>, or
/// <c>HeaderFrom$Key</c> in the key converter): a converter returns the key or value only, so the
/// sink runner, which builds the record's header list after converting both, asks it for them,
/// handing it the bytes it reads (the key's; the value's for a key made from the value). Found
/// once, at construction, as the key chain's <see cref="ISinkRecordKeyConverter{TKey}"/> is.
/// </summary>
internal interface ISinkCompiledHeaders
{
    /// <summary>Whether the chain adds any header (false: the runner never calls <see cref="AddHeaders"/>).</summary>
    bool AddsHeaders { get; }

    /// <summary>
    /// Appends the headers the chain computes from the consumed record's bytes
    /// <paramref name="value"/> (read once: the converter keeps what it read from them) to <paramref name="headers"/>.
    /// </summary>
    void AddHeaders(string topic, byte[] value, CompiledHeaderSink headers);
}
