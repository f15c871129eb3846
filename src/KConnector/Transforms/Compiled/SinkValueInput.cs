using KConnector.Converters;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// A sink's <c>value.converter</c> for the topic's type, shared by the value chain and the key a
/// <c>ValueToKey</c> makes from the value, so that each record's value is read once: it keeps the
/// last value it read with the bytes it read it from (the consumed record's own array), and gives
/// it again for the same array. The sink runner converts a record's key, then its value, on one
/// thread, so the second read of a record is the kept one; any other array is read afresh.
/// </summary>
/// <typeparam name="TInput">The topic's value type (the spec's <c>value.schema</c>).</typeparam>
public sealed class SinkValueInput<TInput> : IConverter<TInput>
    where TInput : class
{
    private readonly IConverter<TInput> _converter;
    private byte[]? _lastData;
    private TInput? _last;

    /// <summary>Creates the shared reader over <paramref name="converter"/>.</summary>
    public SinkValueInput(IConverter<TInput> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        _converter = converter;
    }

    /// <inheritdoc />
    public TInput? ToConnectData(string topic, byte[]? data)
    {
        if (data is null)
        {
            return null;
        }
        if (ReferenceEquals(data, _lastData))
        {
            return _last;
        }
        var value = _converter.ToConnectData(topic, data);
        (_lastData, _last) = (data, value);
        return value;
    }

    /// <summary>Not used: a sink converter only reads.</summary>
    public byte[]? FromConnectData(string topic, TInput? value) =>
        throw new NotSupportedException(
            "A sink connector's compiled transformation chain converts records from Kafka only."
        );
}
