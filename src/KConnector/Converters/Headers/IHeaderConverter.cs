namespace KConnector.Converters.Headers;

/// <summary>Kafka Connect's <c>HeaderConverter</c>: header values to bytes and back (config key <c>header.converter</c>).</summary>
public interface IHeaderConverter
{
    /// <summary>Serializes one header's value; the null value gives null bytes.</summary>
    byte[]? FromConnectHeader(string topic, string headerKey, HeaderValue value);

    /// <summary>Deserializes one header's bytes; null bytes give <see cref="HeaderValue.Null"/>.</summary>
    HeaderValue ToConnectHeader(string topic, string headerKey, byte[]? value);
}
