using System.Globalization;
using Confluent.Kafka;
using KConnector.IntegrationTests.Specs;

namespace KConnector.IntegrationTests.Transforms.Primitive;

/// <summary>
/// Primitive values on a sink and under the StringConverter, through the road a spec takes
/// (generated config and worker) on the embedded Kafka. payments-amount-sink.connector.json:
/// <c>ExtractField$Value</c> makes each payment's value its double amount, and the file sink prints
/// one line per record as Kafka Connect's FileStreamSinkTask prints <c>record.value()</c> (Java's
/// <c>Double.toString</c>; a tombstone "null"). payments-text-source.connector.json: a file source
/// whose chain makes the key the int cvv and the value the double amount, both under the
/// StringConverter, which writes each as its Java text.
/// </summary>
public sealed class PrimitiveFileSinkPipelineTests
{
    private const string Topic = "payments-amounts";

    // Amounts and what Java's Double.toString prints for each (derived from its javadoc by hand).
    private static readonly (string Json, string Java)[] Amounts =
    [
        ("12.5", "12.5"),
        ("100", "100.0"),
        ("10000000", "1.0E7"),
        ("9999999", "9999999.0"),
        ("0.001", "0.001"),
        ("0.0001", "1.0E-4"),
        ("-0.0", "-0.0"),
        ("1.5e300", "1.5E300"),
    ];

    [Fact]
    public async Task FileSink_PrintsEachExtractedAmount_AsJavasDoubleToString_ATombstoneAsNull()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: false, Topic);
        using (
            var producer = new ProducerBuilder<Null, string?>(
                new ProducerConfig { BootstrapServers = bed.BootstrapServers }
            ).Build()
        )
        {
            foreach (var (json, i) in Amounts.Select((a, i) => (a.Json, i)))
            {
                await producer.ProduceAsync(Topic, new() { Value = Payment(i, json) });
            }
            await producer.ProduceAsync(Topic, new() { Value = null });
        }
        var output = bed.PathOf("amounts.txt");
        var sink = new PaymentsAmountSinkWorker(
            PaymentsAmountSinkConfig.Parse(
                bed.Config(PaymentsAmountSinkConfig.SpecValues, ("file", output))
            ),
            bed.Environment
        );

        await WorkerRuns.RunUntilAsync(
            [sink],
            () => PipelineBed.LineCount(output) >= Amounts.Length + 1
        );

        Assert.Equal(
            Amounts.Select(a => a.Java).Append("null"),
            await File.ReadAllLinesAsync(output)
        );
    }

    [Fact]
    public async Task StringConverter_WritesThePrimitiveKeyAndValue_AsJavasText()
    {
        const string topic = "payments-text";
        await using var bed = await PipelineBed.StartAsync(withRegistry: false, topic);
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Amounts.Select((a, i) => Payment(i, a.Json))
        );
        var source = new PaymentsTextSourceWorker(
            PaymentsTextSourceConfig.Parse(
                bed.Config(PaymentsTextSourceConfig.SpecValues, ("file", input))
            ),
            bed.Environment
        );
        await WorkerRuns.RunUntilAsync([source], () => source.RecordsProcessed >= Amounts.Length);

        // The key is the int cvv (100 + i), the value the double amount: each as Java prints it.
        Assert.Equal(
            Amounts.Select((a, i) => ((100 + i).ToString(Invariant), a.Java)),
            bed.Read(topic)
                .Select(r =>
                    (
                        System.Text.Encoding.UTF8.GetString(r.Message.Key!),
                        System.Text.Encoding.UTF8.GetString(r.Message.Value!)
                    )
                )
        );
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Payment(int i, string amount) =>
        $$"""{"id": "p-{{i}}", "amount": {{amount}}, "card": "4111", "cvv": {{100 + i}}, "note": null}""";
}
