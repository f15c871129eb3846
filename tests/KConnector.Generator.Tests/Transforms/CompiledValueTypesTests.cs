using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// Value types a compiled chain carries as Kafka Connect with Confluent's AvroData would
/// (docs/transforms.md, "Compiled at build time"): the logical types AvroData does not know
/// (timestamp-micros, local-timestamp-millis/micros, time-micros, uuid) as their plain long or
/// string, Cast of Timestamp/Date/Time as Connect's Cast, and HoistField's unnamed structs numbered
/// as AvroData meets them. The generated code is compiled, loaded and run on a record.
/// </summary>
public class CompiledValueTypesTests
{
    private const string Reading = """
        { "type": "record", "name": "Reading", "namespace": "Plant.Readings", "fields": [
          { "name": "id", "type": "string" },
          { "name": "taken", "type": { "type": "long", "logicalType": "timestamp-millis" } },
          { "name": "day", "type": { "type": "int", "logicalType": "date" } },
          { "name": "at", "type": { "type": "int", "logicalType": "time-millis" } },
          { "name": "taken_us", "type": { "type": "long", "logicalType": "timestamp-micros" } },
          { "name": "seen_us", "type": ["null", { "type": "long", "logicalType": "timestamp-micros" }], "default": null },
          { "name": "local_ms", "type": { "type": "long", "logicalType": "local-timestamp-millis" } },
          { "name": "local_us", "type": { "type": "long", "logicalType": "local-timestamp-micros" } },
          { "name": "tod_us", "type": { "type": "long", "logicalType": "time-micros" } },
          { "name": "ref", "type": { "type": "string", "logicalType": "uuid" } },
          { "name": "parent", "type": ["null", { "type": "string", "logicalType": "uuid" }], "default": null } ] }
        """;

    private const string ReadingSource = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Connectors;
        using KConnector.Records;
        using Plant.Readings;

        namespace Plant.Connectors;

        [SourceConnector("readings-source", ValueType = typeof(Reading))]
        public partial class ReadingSource
        {
            public ValueTask<IReadOnlyList<SourceRecord<string, Reading>>> PollAsync(CancellationToken cancellationToken) =>
                ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Reading>>>([]);
        }
        """;

    private static readonly DateTimeOffset Taken = new(2024, 3, 1, 12, 34, 56, 789, TimeSpan.Zero);
    private static readonly Guid Ref = Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E");

    private static string Spec(string aliases, params string[] keys) =>
        CompiledRun.Spec("readings", "Plant.Connectors.ReadingSource", aliases, keys);

    private static GeneratorRun Run(string spec) =>
        new GeneratorHarness()
            .AddSchema("reading.avsc", Reading)
            .AddSource(ReadingSource)
            .AddSchema("readings.connector.json", spec)
            .Run();

    private static string Output(GeneratorRun run) => CompiledRun.Output(run);

    /// <summary>Compiles the run's code, runs the chain on a Reading and returns the output record.</summary>
    private static object Apply(GeneratorRun run, Action<object>? change = null)
    {
        var assembly = CompiledRun.Load(run);
        var reading = CompiledRun.New(assembly, "Plant.Readings.Reading");
        Set(reading, "Id", "r-1");
        Set(reading, "Taken", Taken);
        Set(reading, "Day", new DateOnly(2024, 3, 1));
        Set(reading, "At", new TimeOnly(12, 34, 56, 789));
        Set(reading, "TakenUs", Taken.AddTicks(1230));
        Set(reading, "LocalMs", new DateTime(2024, 3, 1, 12, 34, 56, 789));
        Set(reading, "LocalUs", new DateTime(2024, 3, 1, 12, 34, 56, 789).AddTicks(1230));
        Set(reading, "TodUs", new TimeOnly(12, 34, 56, 789).Add(TimeSpan.FromTicks(1230)));
        Set(reading, "Ref", Ref);
        change?.Invoke(reading);
        return CompiledRun.Apply(assembly, "ReadingsValueChain", "readings", reading);
    }

    private static void Set(object record, string property, object? value) =>
        CompiledRun.Set(record, property, value);

    private static object? Get(object record, string property) => CompiledRun.Get(record, property);

    private const string Insert =
        "\"transforms.i.type\": \"org.apache.kafka.connect.transforms.InsertField$Value\"";

    [Fact]
    public void LogicalTypesAvroDataDoesNotKnow_AreThePlainLongOrStringTheWireCarries()
    {
        var run = Run(
            Spec(
                "i",
                Insert,
                "\"transforms.i.static.field\": \"plant\"",
                "\"transforms.i.static.value\": \"north\""
            )
        );

        var output = Output(run);
        foreach (
            var field in new[]
            {
                "{\"name\":\"taken_us\",\"type\":\"long\"}",
                "{\"name\":\"seen_us\",\"type\":[\"null\",\"long\"],\"default\":null}",
                "{\"name\":\"local_ms\",\"type\":\"long\"}",
                "{\"name\":\"local_us\",\"type\":\"long\"}",
                "{\"name\":\"tod_us\",\"type\":\"long\"}",
                "{\"name\":\"ref\",\"type\":\"string\"}",
                "{\"name\":\"parent\",\"type\":[\"null\",\"string\"],\"default\":null}",
            }
        )
        {
            Assert.Contains(field, output, StringComparison.Ordinal);
        }
        var record = Apply(run);
        Assert.Equal(1709296496789123L, Get(record, "TakenUs"));
        Assert.Null(Get(record, "SeenUs"));
        Assert.Equal(1709296496789L, Get(record, "LocalMs"));
        Assert.Equal(1709296496789123L, Get(record, "LocalUs"));
        Assert.Equal(45296789123L, Get(record, "TodUs"));
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", Get(record, "Ref"));
        Assert.Null(Get(record, "Parent"));
        Assert.Equal("north", Get(record, "Plant"));

        var present = Apply(
            run,
            r =>
            {
                Set(r, "SeenUs", Taken);
                Set(r, "Parent", Ref);
            }
        );
        Assert.Equal(1709296496789000L, Get(present, "SeenUs"));
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", Get(present, "Parent"));
    }

    public static TheoryData<string, string, string, object> Casts =>
        new()
        {
            // spec, output property, output Avro field, expected value
            {
                "taken:string",
                "Taken",
                "{\"name\":\"taken\",\"type\":\"string\"}",
                "2024-03-01T12:34:56.789Z"
            },
            { "taken:int64", "Taken", "{\"name\":\"taken\",\"type\":\"long\"}", 1709296496789L },
            { "taken:int32", "Taken", "{\"name\":\"taken\",\"type\":\"int\"}", -100487019 },
            { "taken:boolean", "Taken", "{\"name\":\"taken\",\"type\":\"boolean\"}", true },
            {
                "taken:float64",
                "Taken",
                "{\"name\":\"taken\",\"type\":\"double\"}",
                1709296496789d
            },
            { "day:string", "Day", "{\"name\":\"day\",\"type\":\"string\"}", "2024-03-01" },
            { "day:int32", "Day", "{\"name\":\"day\",\"type\":\"int\"}", 19783 },
            { "at:string", "At", "{\"name\":\"at\",\"type\":\"string\"}", "12:34:56.789Z" },
            { "at:int64", "At", "{\"name\":\"at\",\"type\":\"long\"}", 45296789L },
            {
                "taken_us:string",
                "TakenUs",
                "{\"name\":\"taken_us\",\"type\":\"string\"}",
                "1709296496789123"
            },
        };

    [Theory]
    [MemberData(nameof(Casts))]
    public void CastOfTimestampDateAndTime_AsConnectsCast(
        string spec,
        string property,
        string avroField,
        object expected
    )
    {
        var run = Run(
            Spec(
                "c",
                "\"transforms.c.type\": \"org.apache.kafka.connect.transforms.Cast$Value\"",
                "\"transforms.c.spec\": \"" + spec + "\""
            )
        );

        Assert.Contains(avroField, Output(run), StringComparison.Ordinal);
        Assert.Equal(expected, Get(Apply(run), property));
    }

    [Fact]
    public void CastOfATimestampAtMidnight_IsItsDate_AsConnectsValuesDateFormatFor()
    {
        var run = Run(
            Spec(
                "c",
                "\"transforms.c.type\": \"Cast$Value\"",
                "\"transforms.c.spec\": \"taken:string\""
            )
        );

        var record = Apply(
            run,
            r => Set(r, "Taken", new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero))
        );

        Assert.Equal("2024-03-01", Get(record, "Taken"));
    }

    [Fact]
    public void TwoHoistFields_TheOuterStructIsConnectDefault_TheInnerConnectDefault2()
    {
        var run = Run(
            Spec(
                "inner,outer",
                "\"transforms.inner.type\": \"HoistField$Value\"",
                "\"transforms.inner.field\": \"reading\"",
                "\"transforms.outer.type\": \"HoistField$Value\"",
                "\"transforms.outer.field\": \"wrapped\""
            )
        );

        Assert.Contains(
            "{\"type\":\"record\",\"name\":\"ConnectDefault\",\"namespace\":\"io.confluent.connect.avro\",\"fields\":[{\"name\":\"wrapped\",\"type\":{\"type\":\"record\",\"name\":\"ConnectDefault2\",\"fields\":[{\"name\":\"reading\",\"type\":{\"type\":\"record\",\"name\":\"Reading\"",
            Output(run),
            StringComparison.Ordinal
        );
        var record = Apply(run);
        var reading = Get(Get(Get(record, "Wrapped")!, "Reading")!, "Id");
        Assert.Equal("r-1", reading);
    }

    [Theory]
    [InlineData(
        "{ \"name\": \"stamps\", \"type\": { \"type\": \"array\", \"items\": { \"type\": \"long\", \"logicalType\": \"timestamp-micros\" } } }",
        "the value's field \"stamps\" is of type array"
    )]
    [InlineData(
        "{ \"name\": \"tags\", \"type\": { \"type\": \"array\", \"items\": { \"type\": \"fixed\", \"name\": \"Tag\", \"size\": 16, \"logicalType\": \"uuid\" } } }",
        "the value's field \"tags\" is of type array"
    )]
    public void AFieldTheCompiledChainDoesNotCarry_IsKcn0258AtTheTransformsLine(
        string field,
        string fragment
    )
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "reading.avsc",
                Reading.Replace(
                    "\"fields\": [",
                    "\"fields\": [ " + field + ",",
                    StringComparison.Ordinal
                )
            )
            .AddSource(ReadingSource)
            .AddSchema(
                "readings.connector.json",
                Spec("i", Insert, "\"transforms.i.static.field\": \"plant\"")
            )
            .Run();

        CompiledRun.Reported(run, "KCN0258", 6, fragment);
    }
}
