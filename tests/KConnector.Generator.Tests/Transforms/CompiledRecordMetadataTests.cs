using System.Reflection;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Transforms.Compiled;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// InsertField's <c>partition.field</c>, <c>offset.field</c> and <c>timestamp.field</c> compiled
/// (docs/transforms.md, "Compiled at build time"): the generated <c>Apply</c> takes the task's
/// CompiledRecordMetadata, which the worker makes once per task and gives the runner
/// (<c>CompiledMetadata</c>), so a converter sees the record's Kafka metadata without a
/// per-record allocation; value and key variants, sink and source. The generated code is compiled
/// and run.
/// </summary>
public class CompiledRecordMetadataTests
{
    private const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "amount", "type": "double" },
          { "name": "card", "type": "string" }, { "name": "cvv", "type": "int" } ] }
        """;

    private static readonly DateTimeOffset At = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);

    private static GeneratorRun Run(string connector, string aliases, params string[] keys) =>
        new GeneratorHarness()
            .AddSchema("payment.avsc", Payment)
            .AddSchema("payments.connector.json", KeyChainSpecs.Spec(connector, aliases, keys))
            .Run();

    private static string Hint(GeneratorRun run, string suffix) =>
        run.Source(run.HintNames.Single(h => h.EndsWith(suffix, StringComparison.Ordinal)));

    /// <summary>Runs the generated chain <paramref name="chain"/> on a payment with <paramref name="metadata"/>.</summary>
    private static object? Apply(GeneratorRun run, string chain, CompiledRecordMetadata metadata)
    {
        var assembly = run.Load("kconnector-metadata");
        var payment = Activator.CreateInstance(
            assembly.GetType("Shop.Pay.Payment", throwOnError: true)!
        )!;
        Set(payment, "Id", "p-1");
        Set(payment, "Card", "4111");
        Set(payment, "Cvv", 7);
        try
        {
            return assembly
                .GetTypes()
                .Single(t => t.Name == chain)
                .GetMethod("Apply", BindingFlags.Public | BindingFlags.Static)!
                .Invoke(null, ["payments", payment, metadata]);
        }
        catch (TargetInvocationException e)
        {
            throw e.InnerException!;
        }
    }

    private static CompiledRecordMetadata Metadata(int? partition, long? offset, DateTimeOffset? at)
    {
        var metadata = new CompiledRecordMetadata();
        metadata.Set(partition, offset, at);
        return metadata;
    }

    private static void Set(object record, string property, object? value) =>
        record.GetType().GetProperty(property)!.SetValue(record, value);

    private static object? Get(object record, string property) =>
        record.GetType().GetProperty(property)!.GetValue(record);

    private const string InsertValue = "\"transforms.meta.type\": \"InsertField$Value\"";

    [Fact]
    public void SinkValue_PartitionOffsetTimestamp_AreTheConsumedRecords_InConnectsFieldOrder()
    {
        var run = Run(
            "FileStreamSink",
            "meta",
            InsertValue,
            "\"transforms.meta.static.field\": \"origin\"",
            "\"transforms.meta.static.value\": \"shop\"",
            "\"transforms.meta.timestamp.field\": \"ts\"",
            "\"transforms.meta.offset.field\": \"kafka_offset!\"",
            "\"transforms.meta.partition.field\": \"kafka_partition\""
        );

        var output = Apply(run, "PaymentsValueChain", Metadata(3, 42, At))!;

        Assert.Equal(3, Get(output, "KafkaPartition"));
        Assert.Equal(42L, Get(output, "KafkaOffset"));
        Assert.Equal(At, Get(output, "Ts"));
        Assert.Equal("shop", Get(output, "Origin"));
        // Connect's InsertField order: the record's fields, partition, offset, timestamp, static.
        Assert.Matches(
            "\"cvv\".*\"kafka_partition\",\"type\":\\[\"null\",\"int\"\\].*\"kafka_offset\",\"type\":\"long\".*\"ts\".*timestamp-millis.*\"origin\"",
            Hint(run, ".ValueOutput.g.cs")
                .Replace("\\", string.Empty, StringComparison.Ordinal)
                .Replace(" ", string.Empty, StringComparison.Ordinal)
        );
        var worker = Hint(run, ".Worker.g.cs");
        Assert.Contains(
            "var metadata = new global::KConnector.Transforms.Compiled.CompiledRecordMetadata();",
            worker,
            StringComparison.Ordinal
        );
        Assert.Contains("CompiledMetadata = metadata,", worker, StringComparison.Ordinal);
        Assert.Matches(
            @"\(topic, input\) => global::([A-Za-z.]+\.)?PaymentsValueChain\.Apply\(topic, input, metadata\)",
            worker
        );
    }

    [Fact]
    public void RequiredFieldOfAMissingTimestamp_IsATransformationErrorAsConnectsValidation()
    {
        var run = Run(
            "FileStreamSource",
            "meta",
            "\"value.converter\": \"io.confluent.connect.avro.AvroConverter\"",
            InsertValue,
            "\"transforms.meta.partition.field\": \"kafka_partition\"",
            "\"transforms.meta.timestamp.field\": \"ts!\""
        );

        var stamped = Apply(run, "PaymentsValueChain", Metadata(null, null, At))!;
        Assert.Null(Get(stamped, "KafkaPartition"));
        Assert.Equal(At, Get(stamped, "Ts"));
        var error = Assert.Throws<CompiledTransformationException>(() =>
            Apply(run, "PaymentsValueChain", Metadata(1, null, null))
        );
        Assert.Equal("KConnector.Transforms.InsertFieldValue", error.Plugin.FullName);
        Assert.Equal(
            "Invalid value: null used for required field: \"ts\", schema type: INT64",
            error.Message
        );
    }

    [Fact]
    public void KeyVariant_InsertFieldKeyAfterValueToKey_ReadsTheMetadataToo()
    {
        var run = Run(
            "FileStreamSink",
            "tokey,meta",
            "\"transforms.tokey.type\": \"ValueToKey\"",
            "\"transforms.tokey.fields\": \"id\"",
            "\"transforms.meta.type\": \"InsertField$Key\"",
            "\"transforms.meta.partition.field\": \"p!\"",
            "\"transforms.meta.offset.field\": \"o\""
        );

        var key = Apply(run, "PaymentsKeyChain", Metadata(5, 9, At))!;

        Assert.Equal("p-1", Get(key, "Id"));
        Assert.Equal(5, Get(key, "P"));
        Assert.Equal(9L, Get(key, "O"));
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal)
        );
        Assert.Matches(
            @"SinkKeyChainConverter<global::Shop\.Pay\.Payment, global::([A-Za-z.]+\.)?PaymentsKeyOutput\.ConnectDefault>\(valueInput, \(topic, input\) => global::([A-Za-z.]+\.)?PaymentsKeyChain\.Apply\(topic, input, metadata\)\)",
            Hint(run, ".Worker.g.cs")
        );
    }
}
