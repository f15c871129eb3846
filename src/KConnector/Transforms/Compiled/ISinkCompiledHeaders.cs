namespace KConnector.Transforms.Compiled;

/// <summary>
/// A sink value converter whose compiled chain adds headers (a compiled <c>HeaderFrom</c>): a
/// converter returns the value only, so the sink runner, which builds the record's header list
/// after converting its value, asks it for them. Found once, at construction, as the key chain's
/// <see cref="ISinkRecordKeyConverter{TKey}"/> is.
/// </summary>
internal interface ISinkCompiledHeaders
{
    /// <summary>Whether the chain adds any header (false: the runner never calls <see cref="AddHeaders"/>).</summary>
    bool AddsHeaders { get; }

    /// <summary>
    /// Appends the headers the chain computes from the consumed record's <paramref name="value"/>
    /// bytes (read once: the value converter keeps what it read from them) to <paramref name="headers"/>.
    /// </summary>
    void AddHeaders(string topic, byte[] value, CompiledHeaderSink headers);
}
