namespace KConnector.Converters.Primitives;

/// <summary>
/// Kafka Connect's <c>StringConverter</c> for a number, boolean, Timestamp, Date or Time a compiled
/// chain makes the key or value: Connect's writes <c>value.toString()</c> in
/// <c>converter.encoding</c> (<see cref="JavaText"/>: "3", "12.5", "1.0E7", "true",
/// "Thu Jan 01 00:00:00 UTC 1970"), typed so no value is boxed; it reads such text back.
/// </summary>
/// <typeparam name="T">The primitive's C# type.</typeparam>
internal sealed class PrimitiveStringConverter<T> : IConverter<T>
{
    private readonly StringConverter _strings;
    private readonly Func<T, string> _text;
    private readonly Func<string, T> _parse;

    public PrimitiveStringConverter(
        ConverterConfig config,
        Func<T, string> text,
        Func<string, T> parse
    )
    {
        _strings = new StringConverter(config);
        _text = text;
        _parse = parse;
    }

    /// <inheritdoc />
    public byte[]? FromConnectData(string topic, T? value) =>
        value is null ? null : _strings.FromConnectData(topic, _text(value));

    /// <inheritdoc />
    public T? ToConnectData(string topic, byte[]? data)
    {
        if (_strings.ToConnectData(topic, data) is not { } text)
        {
            return default;
        }
        try
        {
            return _parse(text);
        }
        catch (FormatException e)
        {
            throw new DataException(
                $"Record from topic '{topic}' is not the text of a {typeof(T).Name} (Java's toString): {e.Message}",
                e
            );
        }
    }
}
