namespace KConnector.Benchmarks.Avro.Peers;

/// <summary>bench-order.avsc's enum for Apache.Avro's specific API.</summary>
#pragma warning disable CA1707 // Avro symbols, as avrogen keeps them.
public enum ApacheBenchStatus
{
    PLACED,
    PAID,
    SHIPPED,
}
