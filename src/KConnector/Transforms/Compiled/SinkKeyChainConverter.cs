using KConnector.Converters;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// A sink connector's key converter whose key the build compiled from the value (ValueToKey, then
/// the <c>$Key</c> stages): Kafka Connect's sink converts key and value, then transforms
/// (<c>WorkerSinkTask.convertAndTransformRecord</c>), so ValueToKey makes the key a struct of the
/// value's fields as <c>value.converter</c> read them and the value stages before it left them.
/// The runner hands it the record's value bytes, read once through the <see cref="SinkValueInput{TInput}"/>
/// the value converter shares. A record without a value keeps its key, as ValueToKey leaves a
/// tombstone's: a null key stays null; any other cannot be the task's key type, a record error at
/// stage <c>TRANSFORMATION</c>, as is a failure of the chain (<see cref="CompiledTransformationException"/>),
/// whose dead-letter copy is the consumed record.
/// </summary>
/// <typeparam name="TInput">The topic's value type (the spec's <c>value.schema</c>), the chain's input.</typeparam>
/// <typeparam name="TOutput">The key the task takes: a generated record, or the primitive an <c>ExtractField$Key</c> made it.</typeparam>
public sealed class SinkKeyChainConverter<TInput, TOutput>
    : IConverter<TOutput>,
        ISinkRecordKeyConverter<TOutput>,
        ISinkCompiledHeaders
    where TInput : class
{
    private readonly SinkValueInput<TInput> _value;
    private readonly Func<string, TInput, TOutput?> _chain;
    private readonly Action<string, TInput, CompiledHeaderSink>? _headers;

    /// <summary>
    /// Creates the converter: <paramref name="value"/> reads the topic's value (shared with the
    /// value converter), then <paramref name="chain"/> (the generated code, given the record's
    /// topic and value) computes the key.
    /// </summary>
    public SinkKeyChainConverter(SinkValueInput<TInput> value, Func<string, TInput, TOutput?> chain)
        : this(value, chain, null) { }

    /// <summary>
    /// Creates the converter as above, with <paramref name="headers"/>: the generated code of a
    /// compiled <c>HeaderFrom$Key</c> after the ValueToKey, computed from the topic's value (the
    /// sink runner asks for them when it builds the record's headers, before the value chain's).
    /// </summary>
    public SinkKeyChainConverter(
        SinkValueInput<TInput> value,
        Func<string, TInput, TOutput?> chain,
        Action<string, TInput, CompiledHeaderSink>? headers
    )
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(chain);
        _value = value;
        _chain = chain;
        _headers = headers;
    }

    bool ISinkCompiledHeaders.AddsHeaders => _headers is not null;

    /// <summary>Reads the record's value bytes (<paramref name="value"/>), as the key was computed from them.</summary>
    void ISinkCompiledHeaders.AddHeaders(string topic, byte[] value, CompiledHeaderSink headers)
    {
        if (_headers is not null && _value.ToConnectData(topic, value) is { } input)
        {
            _headers(topic, input, headers);
        }
    }

    /// <inheritdoc />
    /// <exception cref="CompiledTransformationException">A transformation failed on the record, or the record has a key and no value.</exception>
    TOutput? ISinkRecordKeyConverter<TOutput>.KeyOf(string topic, byte[]? key, byte[]? value)
    {
        TInput? input;
        try
        {
            input = _value.ToConnectData(topic, value);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The value converter reads the same bytes next and reports the failure at its own
            // stage (VALUE_CONVERTER), as Connect does; the key is never used.
            return default;
        }
        return input is not null ? _chain(topic, input)
            : key is null ? default
            : throw new CompiledTransformationException(
                typeof(ValueToKey),
                new DataException(
                    $"The record has a key and no value, so ValueToKey keeps its key, which is not the task's key type ({typeof(TOutput).Name})."
                )
            );
    }

    /// <summary>Not used: the key is computed from the whole record, which the runner hands over.</summary>
    public TOutput? ToConnectData(string topic, byte[]? data) =>
        throw new NotSupportedException(
            "A sink key compiled from the value (ValueToKey) is computed from the whole record."
        );

    /// <summary>Not used: a sink converter only reads.</summary>
    public byte[]? FromConnectData(string topic, TOutput? value) =>
        throw new NotSupportedException(
            "A sink connector's compiled transformation chain converts records from Kafka only."
        );
}
