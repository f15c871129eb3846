using KConnector.Converters.Headers;

namespace KConnector.Records;

/// <summary>
/// One record header, as Kafka Connect's <c>Header</c>: a name and a typed value. A source task's
/// header values are written to Kafka through the connector's <c>header.converter</c> (Kafka
/// Connect's default, the SimpleHeaderConverter, writes their string form: <c>42</c>, <c>true</c>,
/// <c>{"a":1}</c>); a sink task sees the header bytes read from Kafka as the values that converter
/// reads back (the SimpleHeaderConverter infers the type from the text).
/// </summary>
/// <param name="Name">The header name.</param>
/// <param name="Value">The header value (<see cref="HeaderValue.Null"/> for a null header).</param>
public sealed record RecordHeader(string Name, HeaderValue Value)
{
    /// <summary>
    /// A header of raw bytes (a BYTES value; null gives the null value). Through the default
    /// SimpleHeaderConverter BYTES are written as Base64 text, as Kafka Connect writes them; to
    /// pass bytes through unchanged, set <c>header.converter</c> to the ByteArrayConverter.
    /// </summary>
    public RecordHeader(string name, byte[]? value)
        : this(name, HeaderValue.FromBytes(value)) { }
}
