using KConnector.Connectors;
using KConnector.Records;

namespace Company.Connector;

/// <summary>
/// A sink connector: the worker reads the topics, converts each record and calls
/// <see cref="PutAsync"/> with a batch; offsets are committed once it returns. The generator writes
/// the rest from this class: <c>OrdersSinkConfig</c> (the config keys below plus Kafka Connect's own,
/// validated), <c>OrdersSinkWorker</c> and <c>services.AddOrdersSinkConnector(...)</c>. Replace the
/// file writes with writes to your system.
/// </summary>
[SinkConnector(
    "company.connector",
    Topics = "orders",
    ValueType = typeof(Order),
    ValueConverter = "VALUE_CONVERTER_CLASS"
)]
public sealed partial class OrdersSink
{
    /// <summary>Where the received orders go, one line each.</summary>
    [ConfigProperty(
        "orders.output.file",
        Default = "orders-received.txt",
        Doc = "The file the received orders are appended to, one line each."
    )]
    public string OutputFile { get; set; } = string.Empty;

    /// <summary>Writes a batch; throwing fails the batch (retried or tolerated per errors.tolerance).</summary>
    public async ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, Order>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        var lines = records.Select(r =>
            $"{r.Topic}/{r.Partition}@{r.Offset} {r.Value?.OrderId} customer {r.Value?.CustomerId} x{r.Value?.Quantity}"
        );
        await File.AppendAllLinesAsync(OutputFile, lines, cancellationToken);
    }
}
