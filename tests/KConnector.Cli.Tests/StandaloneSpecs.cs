using System.Globalization;
using System.Text.Json;

namespace KConnector.Cli.Tests;

/// <summary>
/// The specs of the standalone-mode tests: a file source of JSON lines into a topic and a file sink
/// out of it, both through the JsonConverter without schemas, so that any consumer can read the
/// topic (no Schema Registry to share with the kconnector process).
/// </summary>
public static class StandaloneSpecs
{
    /// <summary>A FileStreamSource spec reading <paramref name="input"/> into <paramref name="topic"/>.</summary>
    public static string Source(SpecFolder folder, string input, string topic) =>
        folder.Write(
            "orders-file-source.connector.json",
            $$"""
            {
              "name": "cli-orders-file-source",
              "config": {
                "connector.class": "FileStreamSource",
                "file": {{JsonSerializer.Serialize(input)}},
                "format": "json",
                "topic": "{{topic}}",
                "poll.interval.ms": 50,
                "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                "value.converter": "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable": false,
                "value.schema": "order.avsc"
              }
            }
            """
        );

    /// <summary>A FileStreamSink spec writing <paramref name="topic"/> to <paramref name="output"/>.</summary>
    public static string Sink(SpecFolder folder, string topic, string output) =>
        folder.Write(
            "orders-json-file-sink.connector.json",
            $$"""
            {
              "name": "cli-orders-json-file-sink",
              "config": {
                "connector.class": "FileStreamSink",
                "topics": "{{topic}}",
                "file": {{JsonSerializer.Serialize(output)}},
                "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                "value.converter": "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable": false,
                "value.schema": "order.avsc"
              }
            }
            """
        );

    /// <summary>Appends orders <paramref name="from"/> to <paramref name="to"/> (exclusive) as JSON lines.</summary>
    public static void AppendOrders(string file, int from, int to) =>
        File.AppendAllLines(
            file,
            Enumerable
                .Range(from, to - from)
                .Select(n =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"order_id": "order-{{n}}", "quantity": {{n}}}"""
                    )
                )
        );

    /// <summary>The <c>order_id</c> of each JSON value.</summary>
    public static IReadOnlyList<string> OrderIds(IEnumerable<string> jsonValues) =>
        [
            .. jsonValues.Select(v =>
                JsonDocument.Parse(v).RootElement.GetProperty("order_id").GetString() ?? ""
            ),
        ];
}
