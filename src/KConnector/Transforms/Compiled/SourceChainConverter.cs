using KConnector.Converters;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// A source connector's value converter with its field-level transformations compiled in: the
/// generated chain turns the task's record into the chain's output type, which
/// <c>value.converter</c> writes, so the schema registered is the transformed one, as Kafka
/// Connect's converters see a record's post-transform schema. The key converter of a source whose
/// <c>$Key</c> stages rewrite the task's own key is one too (key for value: <c>key.converter</c>
/// writes the chain's output and registers its schema under <c>{topic}-key</c>). The generic chain (routers, Filter,
/// predicates, header transformations) has run before, in the runner; the build refuses a chain
/// whose order this would change (KCN0258). A failure of the chain is a record error at stage
/// <c>TRANSFORMATION</c> (<see cref="CompiledTransformationException"/>).
/// </summary>
/// <typeparam name="TValue">The task's value type (the spec's <c>value.schema</c>).</typeparam>
/// <typeparam name="TOutput">The chain's output type, generated from the folded schema, or the primitive the chain makes (a value type's Nullable).</typeparam>
public sealed class SourceChainConverter<TValue, TOutput>
    : IConverter<TValue>,
        IDeadLetterEncoding<TValue>,
        ICompiledHeaders<TValue>
    where TValue : class
{
    private readonly IConverter<TOutput> _output;
    private readonly Func<string, TValue, TOutput> _chain;
    private readonly IConverter<TValue>? _input;
    private readonly Action<string, TValue, CompiledHeaderSink>? _headers;

    /// <summary>
    /// Creates the converter: <paramref name="chain"/> (the generated code, given the record's topic)
    /// before <paramref name="output"/>; <paramref name="input"/> is the converter of the task's
    /// type, used only for a dead-letter copy of the record as the task produced it, or null when
    /// the configured converter writes only the chain's output type (a string key hoisted into a
    /// struct under the AvroConverter: the copy is then the key's text).
    /// </summary>
    public SourceChainConverter(
        IConverter<TOutput> output,
        Func<string, TValue, TOutput> chain,
        IConverter<TValue>? input
    )
        : this(output, chain, input, null) { }

    /// <summary>
    /// Creates the converter as above, with <paramref name="headers"/>: the generated code of a
    /// compiled <c>HeaderFrom</c>, which adds the headers it copies or moves from the task's value
    /// (the source runner calls it when it writes the record's headers).
    /// </summary>
    public SourceChainConverter(
        IConverter<TOutput> output,
        Func<string, TValue, TOutput> chain,
        IConverter<TValue>? input,
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
    /// <exception cref="CompiledTransformationException">A transformation failed on the value.</exception>
    public byte[]? FromConnectData(string topic, TValue? value) =>
        _output.FromConnectData(topic, value is null ? default : _chain(topic, value));

    /// <summary>Not used: a source converter only writes.</summary>
    public TValue? ToConnectData(string topic, byte[]? data) =>
        throw SourceChainDeadLetters.WritesOnly();

    /// <inheritdoc />
    public byte[] EncodeForDeadLetter(TValue value) => SourceChainDeadLetters.Encode(_input, value);
}
