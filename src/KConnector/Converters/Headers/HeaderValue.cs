using System.Globalization;

namespace KConnector.Converters.Headers;

/// <summary>
/// A typed header value (Kafka Connect's <c>SchemaAndValue</c> for headers) without boxing: the type,
/// and the one member that type uses.
/// </summary>
public readonly record struct HeaderValue
{
    private HeaderValue(
        HeaderValueType type,
        long integer,
        double number,
        string? text,
        DateTime time
    )
    {
        Type = type;
        Integer = integer;
        Number = number;
        Text = text;
        Time = time;
    }

    private HeaderValue(
        HeaderValueType type,
        IReadOnlyList<HeaderValue>? items,
        IReadOnlyList<KeyValuePair<HeaderValue, HeaderValue>>? entries,
        HeaderValueType? elementType,
        HeaderValueType? keyType
    )
    {
        Type = type;
        Items = items;
        Entries = entries;
        ElementType = elementType;
        KeyType = keyType;
    }

    private HeaderValue(byte[] bytes)
    {
        Type = HeaderValueType.Bytes;
        Bytes = bytes;
    }

    /// <summary>The value of BYTES (a header read by, or written through, the ByteArrayConverter).</summary>
    public byte[]? Bytes { get; }

    /// <summary>An ARRAY's elements, in order (a null element is <see cref="Null"/>).</summary>
    public IReadOnlyList<HeaderValue>? Items { get; }

    /// <summary>A MAP's entries, in order.</summary>
    public IReadOnlyList<KeyValuePair<HeaderValue, HeaderValue>>? Entries { get; }

    /// <summary>
    /// The common type of an ARRAY's elements or a MAP's values (numbers widened as Kafka
    /// Connect's <c>Values.commonSchemaFor</c> does), or null when they have none (mixed or all null).
    /// </summary>
    public HeaderValueType? ElementType { get; }

    /// <summary>The common type of a MAP's keys, or null when they have none.</summary>
    public HeaderValueType? KeyType { get; }

    /// <summary>An ARRAY of <paramref name="items"/> whose common element type is <paramref name="elementType"/>.</summary>
    public static HeaderValue FromArray(
        IReadOnlyList<HeaderValue> items,
        HeaderValueType? elementType
    )
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(HeaderValueType.Array, items, null, elementType, null);
    }

    /// <summary>A MAP of <paramref name="entries"/> with the common key and value types.</summary>
    public static HeaderValue FromMap(
        IReadOnlyList<KeyValuePair<HeaderValue, HeaderValue>> entries,
        HeaderValueType? keyType,
        HeaderValueType? valueType
    )
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new(HeaderValueType.Map, null, entries, valueType, keyType);
    }

    /// <summary>The value's Connect type.</summary>
    public HeaderValueType Type { get; }

    /// <summary>The value of INT8..INT64, or 1/0 for BOOLEAN.</summary>
    public long Integer { get; }

    /// <summary>The value of FLOAT32 and FLOAT64.</summary>
    public double Number { get; }

    /// <summary>The value of STRING.</summary>
    public string? Text { get; }

    /// <summary>The value of Timestamp, Date and Time (UTC).</summary>
    public DateTime Time { get; }

    /// <summary>The null header value.</summary>
    public static HeaderValue Null => default;

    /// <summary>A BOOLEAN.</summary>
    public static HeaderValue FromBoolean(bool value) =>
        new(HeaderValueType.Boolean, value ? 1 : 0, 0, null, default);

    /// <summary>An integer of <paramref name="type"/> (INT8, INT16, INT32 or INT64).</summary>
    public static HeaderValue FromInteger(HeaderValueType type, long value) =>
        type
            is HeaderValueType.Int8
                or HeaderValueType.Int16
                or HeaderValueType.Int32
                or HeaderValueType.Int64
            ? new(type, value, 0, null, default)
            : throw new ArgumentOutOfRangeException(
                nameof(type),
                type,
                "Expected an integer type."
            );

    /// <summary>A FLOAT32.</summary>
    public static HeaderValue FromFloat(float value) =>
        new(HeaderValueType.Float32, 0, value, null, default);

    /// <summary>A FLOAT64.</summary>
    public static HeaderValue FromDouble(double value) =>
        new(HeaderValueType.Float64, 0, value, null, default);

    /// <summary>A STRING (null gives the null value).</summary>
    public static HeaderValue FromString(string? value) =>
        value is null ? Null : new(HeaderValueType.String, 0, 0, value, default);

    /// <summary>BYTES, kept as they are (null gives the null value).</summary>
    public static HeaderValue FromBytes(byte[]? value) => value is null ? Null : new(value);

    /// <summary>A Timestamp, Date or Time.</summary>
    public static HeaderValue FromTime(HeaderValueType type, DateTime value) =>
        type is HeaderValueType.Timestamp or HeaderValueType.Date or HeaderValueType.Time
            ? new(type, 0, 0, null, DateTime.SpecifyKind(value, DateTimeKind.Utc))
            : throw new ArgumentOutOfRangeException(
                nameof(type),
                type,
                "Expected Timestamp, Date or Time."
            );

    /// <summary>The BOOLEAN value.</summary>
    public bool Boolean => Integer != 0;

    /// <inheritdoc />
    public override string ToString() =>
        Type switch
        {
            HeaderValueType.Null => "null",
            HeaderValueType.String => Text!,
            HeaderValueType.Boolean => Boolean ? "true" : "false",
            HeaderValueType.Float32 or HeaderValueType.Float64 => Number.ToString(
                "R",
                CultureInfo.InvariantCulture
            ),
            HeaderValueType.Timestamp or HeaderValueType.Date or HeaderValueType.Time =>
                Time.ToString("O", CultureInfo.InvariantCulture),
            HeaderValueType.Array or HeaderValueType.Map or HeaderValueType.Bytes =>
                SimpleHeaderConverter.ToText(this),
            _ => Integer.ToString(CultureInfo.InvariantCulture),
        };
}
