namespace KConnector.Records;

/// <summary>One record header: a name and raw bytes (null is allowed, as in Kafka).</summary>
/// <param name="Name">The header name.</param>
/// <param name="Value">The header bytes, or null.</param>
public sealed record RecordHeader(string Name, byte[]? Value);
