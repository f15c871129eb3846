namespace KConnector.Connectors.Errors;

/// <summary>A record a sink could not write, by its Kafka coordinates, with the reason (no secrets).</summary>
/// <param name="Topic">The record's topic.</param>
/// <param name="Partition">The record's partition.</param>
/// <param name="Offset">The record's offset.</param>
/// <param name="Reason">Why it failed (a status code and the server's message, a validation error).</param>
public sealed record FailedRecord(string Topic, int Partition, long Offset, string Reason);
