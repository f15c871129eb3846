using KConnector.Converters;
using static KConnector.Tests.Transforms.Fields.FieldTransformTestData;

namespace KConnector.Tests.Transforms.Fields;

/// <summary>Kafka Connect's InsertField on schemaless values, its documented example first.</summary>
public sealed class InsertFieldTests
{
    [Fact]
    public void StaticField_DocumentedExample_AddsTheDataSource()
    {
        // Kafka Connect's docs: transforms.InsertSource.static.field=data_source, static.value=test-file-source
        var record = Transform(
            Schemaless("""{"line":"hello"}"""),
            "org.apache.kafka.connect.transforms.InsertField$Value",
            ("static.field", "data_source"),
            ("static.value", "test-file-source")
        );

        Assert.Equal("""{"line":"hello","data_source":"test-file-source"}""", Text(record!.Value));
    }

    [Fact]
    public void MetadataFields_TakeTopicPartitionOffsetAndTimestamp_WithoutTheirSuffixes()
    {
        var record = Transform(
            Schemaless("""{"id":1}""", offset: 41),
            "InsertField$Value",
            ("topic.field", "t!"),
            ("partition.field", "p?"),
            ("offset.field", "o"),
            ("timestamp.field", "ts")
        );

        Assert.Equal(
            """{"id":1,"t":"orders","p":2,"o":41,"ts":1700000000123}""",
            Text(record!.Value)
        );
    }

    [Fact]
    public void KeyVariant_ChangesTheKeyOnly()
    {
        var record = Transform(
            Schemaless("""{"v":1}""", key: """{"k":1}"""),
            "InsertField$Key",
            ("topic.field", "topic")
        );

        Assert.Equal("""{"k":1,"topic":"orders"}""", Text(record!.Key));
        Assert.Equal("""{"v":1}""", Text(record.Value));
    }

    [Fact]
    public void OffsetField_OnASourceRecord_IsARecordError()
    {
        var error = Assert.Throws<DataException>(() =>
            Transform(Schemaless("""{"id":1}"""), "InsertField$Value", ("offset.field", "o"))
        );

        Assert.Contains(
            "Only SinkRecord supported for [field insertion]",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Tombstone_PassesThrough_AndTheInputIsNotChanged()
    {
        Assert.Null(Transform(Schemaless(null), "InsertField$Value", ("topic.field", "t"))!.Value);
        var input = Schemaless("""{"id":1}""");
        Transform(input, "InsertField$Value", ("topic.field", "t"));
        Assert.Equal("""{"id":1}""", Text(input.Value));
    }

    [Fact]
    public void NonObjectValue_IsConnectsSchemalessError()
    {
        var error = Assert.Throws<DataException>(() =>
            Transform(Schemaless("\"plain\""), "InsertField$Value", ("topic.field", "t"))
        );
        Assert.Contains(
            "Only Map objects supported in absence of schema for [field insertion], found: JSON String",
            error.Message,
            StringComparison.Ordinal
        );

        var typed = Assert.Throws<DataException>(() =>
            Build("InsertField$Value", ("topic.field", "t")).Apply(TransformTestData.Record())
        );
        Assert.Contains("found: System.String", typed.Message, StringComparison.Ordinal);
        Assert.Contains("JsonNode", typed.Message, StringComparison.Ordinal);
    }
}
