using System.Globalization;
using System.Text.Json;

namespace KConnector.Rest.Tests;

/// <summary>The files of an operator session: the worker config, the schema, the source's input and the sink's output.</summary>
internal sealed class OperatorSession : IDisposable
{
    public OperatorSession(string bootstrapServers, string extraWorkerLines = "")
    {
        Folder = Directory.CreateTempSubdirectory("kconnector-rest-").FullName;
        File.WriteAllText(
            Path.Combine(Folder, "order.avsc"),
            """
            {"type": "record", "name": "RestOrder", "namespace": "KConnector.Rest.Tests.Shop",
             "fields": [{"name": "order_id", "type": "string"}, {"name": "quantity", "type": "int"}]}
            """
        );
        WorkerProperties = Path.Combine(Folder, "worker.properties");
        File.WriteAllText(
            WorkerProperties,
            $"""
            bootstrap.servers={bootstrapServers}
            listeners=http://127.0.0.1:0
            offset.storage.file.filename={Path.Combine(Folder, "connect.offsets")}
            config.storage.file.filename={Path.Combine(Folder, "connectors.json")}
            offset.flush.interval.ms=200
            {extraWorkerLines}
            """
        );
        File.WriteAllText(Input, string.Empty);
    }

    public string Folder { get; }

    public string WorkerProperties { get; }

    public string Input => Path.Combine(Folder, "orders.jsonl");

    public string Output => Path.Combine(Folder, "out", "orders.jsonl");

    /// <summary>A FileStreamSource of <see cref="Input"/> into <c>orders</c>, its value type from order.avsc (beside the worker).</summary>
    public string SourceJson(string name, string extra = "") =>
        $$"""
            {"name": "{{name}}", "config": {
              "connector.class": "FileStreamSource", "file": {{JsonSerializer.Serialize(
                Input
            )}}, "format": "json",
              "topic": "orders", "poll.interval.ms": 50,
              "key.converter": "org.apache.kafka.connect.storage.StringConverter",
              "value.converter": "org.apache.kafka.connect.json.JsonConverter",
              "value.converter.schemas.enable": false, "value.schema": "order.avsc"{{extra}} } }
            """;

    /// <summary>A FileStreamSink of <c>orders</c> into <see cref="Output"/>.</summary>
    public string SinkJson(string name) =>
        $$"""
            {"name": "{{name}}", "config": {
              "connector.class": "FileStreamSink", "topics": "orders", "file": {{JsonSerializer.Serialize(
                Output
            )}},
              "key.converter": "org.apache.kafka.connect.storage.StringConverter",
              "value.converter": "org.apache.kafka.connect.json.JsonConverter",
              "value.converter.schemas.enable": false, "value.schema": "order.avsc" } }
            """;

    public void AppendOrders(int from, int to) =>
        File.AppendAllLines(
            Input,
            Enumerable
                .Range(from, to - from)
                .Select(n =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"order_id": "order-{{n}}", "quantity": {{n}}}"""
                    )
                )
        );

    /// <summary>The order ids the sink wrote, in order.</summary>
    public IReadOnlyList<string> Written() =>
        File.Exists(Output)
            ?
            [
                .. File.ReadAllLines(Output)
                    .Where(l => l.Length > 0)
                    .Select(l =>
                        JsonDocument.Parse(l).RootElement.GetProperty("order_id").GetString()!
                    ),
            ]
            : [];

    public static IReadOnlyList<string> Orders(int from, int to) =>
        [
            .. Enumerable
                .Range(from, to - from)
                .Select(n => "order-" + n.ToString(CultureInfo.InvariantCulture)),
        ];

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
