using KConnector.Converters;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// A source connector's key converter with its key transformations compiled in: the generated
/// chain computes the key from the task's value (ValueToKey, then the <c>$Key</c> stages), and
/// <c>key.converter</c> writes it, so the schema registered under <c>{topic}-key</c> is the
/// derived one, as Kafka Connect's key converter sees the transformed record's key. The runner
/// hands it the whole record (Connect's order on a source: the transformations, then the
/// converters). A record without a value (a tombstone) keeps the task's key, as ValueToKey leaves
/// it, written by the task key type's converter when <c>key.converter</c> can write that type. A failure of the chain is a record error at stage <c>TRANSFORMATION</c>
/// (<see cref="CompiledTransformationException"/>).
/// </summary>
/// <typeparam name="TKey">The task's key type.</typeparam>
/// <typeparam name="TValue">The task's value type (the chain's input).</typeparam>
/// <typeparam name="TOutput">The key's type after the chain: a generated record, or a string or bytes field.</typeparam>
public sealed class SourceKeyChainConverter<TKey, TValue, TOutput>
    : IConverter<TKey>,
        IRecordKeyConverter<TKey, TValue>,
        IDeadLetterEncoding<TKey>,
        ICompiledHeaders<TValue>
    where TValue : class
{
    private readonly IConverter<TOutput> _output;
    private readonly Func<string, TValue, TOutput?> _chain;
    private readonly IConverter<TKey>? _input;
    private readonly Action<string, TValue, CompiledHeaderSink>? _headers;

    /// <summary>
    /// Creates the converter: <paramref name="chain"/> (the generated code, given the record's topic
    /// and value) before <paramref name="output"/>; <paramref name="input"/> is the converter of the
    /// task's key type, for a tombstone's key and a dead-letter copy, or null when
    /// <c>key.converter</c> writes only the chain's output type.
    /// </summary>
    public SourceKeyChainConverter(
        IConverter<TOutput> output,
        Func<string, TValue, TOutput?> chain,
        IConverter<TKey>? input
    )
        : this(output, chain, input, null) { }

    /// <summary>
    /// Creates the converter as above, with <paramref name="headers"/>: the generated code of a
    /// compiled <c>HeaderFrom$Key</c> after the ValueToKey, which adds the headers it copies or
    /// moves from the key, computed from the task's value (the source runner asks for them when it
    /// writes the record's headers, before the value chain's).
    /// </summary>
    public SourceKeyChainConverter(
        IConverter<TOutput> output,
        Func<string, TValue, TOutput?> chain,
        IConverter<TKey>? input,
        Action<string, TValue, CompiledHeaderSink>? headers
    )
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(chain);
        _output = output;
        _chain = chain;
        _input = input;
        _headers = headers;
    }

    Action<string, TValue, CompiledHeaderSink>? ICompiledHeaders<TValue>.Headers => _headers;

    /// <inheritdoc />
    public string DeadLetterEncoding => SourceChainDeadLetters.EncodingOf(_input);

    /// <inheritdoc />
    /// <exception cref="CompiledTransformationException">A transformation failed on the record.</exception>
    public byte[]? FromRecord(string topic, TKey? key, TValue? value) =>
        value is null
            ? FromConnectData(topic, key)
            : _output.FromConnectData(topic, _chain(topic, value));

    /// <summary>The task's key alone (the key of a record without a value).</summary>
    /// <exception cref="DataException">The key is not null and <c>key.converter</c> cannot write the task's key type.</exception>
    public byte[]? FromConnectData(string topic, TKey? value) =>
        value is null ? null
        : _input is not null ? _input.FromConnectData(topic, value)
        : throw new DataException(
            $"The record has no value, so ValueToKey keeps the task's key ({typeof(TKey).Name}), which key.converter writes only as the compiled key's type ({typeof(TOutput).Name})."
        );

    /// <summary>Not used: a source converter only writes.</summary>
    public TKey? ToConnectData(string topic, byte[]? data) =>
        throw SourceChainDeadLetters.WritesOnly();

    /// <inheritdoc />
    public byte[] EncodeForDeadLetter(TKey value) => SourceChainDeadLetters.Encode(_input, value);
}
