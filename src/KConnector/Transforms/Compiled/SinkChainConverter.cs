using KConnector.Converters;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// A sink connector's value converter with its field-level transformations compiled in:
/// <c>value.converter</c> reads the topic's type, then the generated chain turns it into the type
/// the task takes, as Kafka Connect's <c>WorkerSinkTask.convertAndTransformRecord</c> converts and
/// then transforms. The generic chain (routers, Filter, predicates, header transformations) runs
/// after, in the runner; the build refuses a chain whose order this would change (KCN0258). A
/// failure of the chain is a record error at stage <c>TRANSFORMATION</c>
/// (<see cref="CompiledTransformationException"/>); its dead-letter copy is the consumed Kafka
/// record, bytes unchanged, as for any sink record error.
/// </summary>
/// <typeparam name="TInput">The topic's value type (the spec's <c>value.schema</c>).</typeparam>
/// <typeparam name="TValue">The task's value type: the chain's output, generated from the folded schema.</typeparam>
public sealed class SinkChainConverter<TInput, TValue> : IConverter<TValue>, ISinkCompiledHeaders
    where TInput : class
{
    private readonly IConverter<TInput> _input;
    private readonly Func<string, TInput, TValue> _chain;
    private readonly Action<string, TInput, CompiledHeaderSink>? _headers;

    /// <summary>
    /// Creates the converter: <paramref name="input"/> reads the topic's bytes, then
    /// <paramref name="chain"/> (the generated code, given the record's topic) transforms the value.
    /// </summary>
    public SinkChainConverter(IConverter<TInput> input, Func<string, TInput, TValue> chain)
        : this(input, chain, null) { }

    /// <summary>
    /// Creates the converter as above, with <paramref name="headers"/>: the generated code of a
    /// compiled <c>HeaderFrom</c>, which adds the headers it copies or moves from the topic's value
    /// (the sink runner asks for them when it builds the record's headers, after the value).
    /// </summary>
    public SinkChainConverter(
        IConverter<TInput> input,
        Func<string, TInput, TValue> chain,
        Action<string, TInput, CompiledHeaderSink>? headers
    )
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(chain);
        // The headers read the value the chain read: kept with its bytes, so it is read once.
        _input =
            headers is null || input is SinkValueInput<TInput>
                ? input
                : new SinkValueInput<TInput>(input);
        _chain = chain;
        _headers = headers;
    }

    bool ISinkCompiledHeaders.AddsHeaders => _headers is not null;

    void ISinkCompiledHeaders.AddHeaders(string topic, byte[] value, CompiledHeaderSink headers)
    {
        if (_headers is not null && _input.ToConnectData(topic, value) is { } input)
        {
            _headers(topic, input, headers);
        }
    }

    /// <inheritdoc />
    /// <exception cref="CompiledTransformationException">A transformation failed on the value.</exception>
    public TValue? ToConnectData(string topic, byte[]? data) =>
        _input.ToConnectData(topic, data) is { } value ? _chain(topic, value) : default;

    /// <summary>Not used: a sink converter only reads.</summary>
    public byte[]? FromConnectData(string topic, TValue? value) =>
        throw new NotSupportedException(
            "A sink connector's compiled transformation chain converts records from Kafka only."
        );
}
