namespace KConnector.Transforms.Compiled;

/// <summary>
/// A source converter whose compiled chain adds headers (a compiled <c>HeaderFrom</c> in the value
/// converter, a <c>HeaderFrom$Key</c> in the key converter, over the task's key or, after a
/// ValueToKey, its value): a converter sees only the key or value, so the source runner, which
/// writes the record's headers after them, asks it for them. Found once, at construction, as the
/// key chain's <see cref="IRecordKeyConverter{TKey, TValue}"/> is.
/// </summary>
internal interface ICompiledHeaders<TValue>
{
    /// <summary>The generated code of the compiled HeaderFrom; null when the chain adds no header.</summary>
    Action<string, TValue, CompiledHeaderSink>? Headers { get; }

    /// <summary>Whether the chain adds any header (false: the runner never calls <see cref="AddHeaders"/>).</summary>
    bool AddsHeaders => Headers is not null;

    /// <summary>Appends the headers the chain computes from the task's <paramref name="value"/> to <paramref name="headers"/>.</summary>
    void AddHeaders(string topic, TValue value, CompiledHeaderSink headers) =>
        Headers?.Invoke(topic, value, headers);
}
