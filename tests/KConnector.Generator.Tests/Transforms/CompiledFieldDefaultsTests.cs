using System.Reflection;
using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// Avro field defaults through a compiled chain, as Confluent's AvroData carries them into Connect's
/// field schemas and writes them back into the registered schema (docs/transforms.md, "Field
/// defaults"): the same value (a real as Java writes it), none for a <c>["null", T]</c> union or a
/// record; kept by the stages that keep the field's schema, cast by Cast (and then also written
/// into the type as <c>connect.default</c>), dropped by TimestampConverter. The generated code is
/// compiled, loaded and run.
/// </summary>
public class CompiledFieldDefaultsTests
{
    private const string Reading = """
        { "type": "record", "name": "Reading", "namespace": "Plant.Readings", "fields": [
          { "name": "id", "type": "string" },
          { "name": "count", "type": "int", "default": 5 },
          { "name": "ratio", "type": "double", "default": 1 },
          { "name": "big", "type": "double", "default": 1e10 },
          { "name": "weight", "type": "float", "default": 0.5 },
          { "name": "unit", "type": "string", "default": "kg" },
          { "name": "active", "type": "boolean", "default": true },
          { "name": "level", "type": { "type": "enum", "name": "Level", "symbols": ["LOW", "HIGH"] }, "default": "LOW" },
          { "name": "tags", "type": { "type": "array", "items": "string" }, "default": [] },
          { "name": "limits", "type": { "type": "map", "values": "long" }, "default": { "max": 9 } },
          { "name": "at", "type": { "type": "long", "logicalType": "timestamp-millis" }, "default": 0 },
          { "name": "note", "type": ["null", "string"], "default": null },
          { "name": "code", "type": ["string", "long"], "default": "none" },
          { "name": "origin", "type": { "type": "record", "name": "Origin", "fields": [
            { "name": "site", "type": "string", "default": "north" },
            { "name": "line", "type": "long", "default": 7 } ] }, "default": { "site": "south", "line": 1 } },
          { "name": "backup", "type": ["null", "Origin"], "default": null } ] }
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

    private static GeneratorRun Run(string aliases, params string[] keys) =>
        new GeneratorHarness()
            .AddSchema("reading.avsc", Reading)
            .AddSource(ReadingSource)
            .AddSchema(
                "readings.connector.json",
                CompiledRun.Spec("readings", "Plant.Connectors.ReadingSource", aliases, keys)
            )
            .Run();

    /// <summary>Runs the chain on a reading (count 3, ratio 0.25, weight 2.5, active, origin "east" 2, no backup).</summary>
    private static object Apply(GeneratorRun run)
    {
        var assembly = CompiledRun.Load(run);
        var origin = CompiledRun.New(assembly, "Plant.Readings.Origin");
        CompiledRun.Set(origin, "Site", "east");
        CompiledRun.Set(origin, "Line", 2L);
        var reading = CompiledRun.New(assembly, "Plant.Readings.Reading");
        CompiledRun.Set(reading, "Id", "r-1");
        CompiledRun.Set(reading, "Count", 3);
        CompiledRun.Set(reading, "Ratio", 0.25d);
        CompiledRun.Set(reading, "Weight", 2.5f);
        CompiledRun.Set(reading, "Active", true);
        CompiledRun.Set(reading, "Origin", origin);
        CompiledRun.Set(reading, "Backup", null);
        return CompiledRun.Apply(assembly, "ReadingsValueChain", "readings", reading);
    }

    private static void Written(GeneratorRun run, params string[] fields)
    {
        var output = CompiledRun.Output(run);
        foreach (var field in fields)
        {
            Assert.Contains(field, output, StringComparison.Ordinal);
        }
    }

    private const string Insert =
        "\"transforms.i.type\": \"org.apache.kafka.connect.transforms.InsertField$Value\"";

    [Fact]
    public void FieldDefaults_AreWrittenBackAsAvroDataWritesThem()
    {
        var run = Run("i", Insert, "\"transforms.i.static.field\": \"plant\"");

        Written(
            run,
            "{\"name\":\"count\",\"type\":\"int\",\"default\":5}",
            // Java's Double.toString, as Jackson writes the Connect default.
            "{\"name\":\"ratio\",\"type\":\"double\",\"default\":1.0}",
            "{\"name\":\"big\",\"type\":\"double\",\"default\":1.0E10}",
            "{\"name\":\"weight\",\"type\":\"float\",\"default\":0.5}",
            "{\"name\":\"unit\",\"type\":\"string\",\"default\":\"kg\"}",
            "{\"name\":\"active\",\"type\":\"boolean\",\"default\":true}",
            "\"connect.name\":\"Plant.Readings.Level\"},\"default\":\"LOW\"}",
            "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"default\":[]}",
            "{\"name\":\"limits\",\"type\":{\"type\":\"map\",\"values\":\"long\"},\"default\":{\"max\":9}}",
            "\"logicalType\":\"timestamp-millis\"},\"default\":0}",
            // A ["null", T] union is an optional T to AvroData: null, as before.
            "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}",
            "{\"name\":\"code\",\"type\":[\"string\",\"long\"],\"default\":\"none\"}",
            // A record's default AvroData cannot read ("Ignoring invalid default"): none; its fields keep theirs.
            "{\"name\":\"site\",\"type\":\"string\",\"default\":\"north\"},{\"name\":\"line\",\"type\":\"long\",\"default\":7}]}}",
            "{\"name\":\"plant\",\"type\":[\"null\",\"string\"],\"default\":null}"
        );
        var record = Apply(run);
        Assert.Equal(3, CompiledRun.Get(record, "Count"));
        Assert.Equal("kg", CompiledRun.Get(record, "Unit"));
    }

    [Fact]
    public void Flatten_KeepsEachFieldsOwnDefault_AnOptionalOneNullLast()
    {
        var run = Run(
            "f",
            "\"transforms.f.type\": \"Flatten$Value\"",
            "\"transforms.f.delimiter\": \"_\""
        );

        Written(
            run,
            "{\"name\":\"origin_site\",\"type\":\"string\",\"default\":\"north\"}",
            "{\"name\":\"origin_line\",\"type\":\"long\",\"default\":7}",
            // Optional under the optional record, with a default: AvroData's [T, "null"].
            "{\"name\":\"backup_site\",\"type\":[\"string\",\"null\"],\"default\":\"north\"}",
            "{\"name\":\"backup_line\",\"type\":[\"long\",\"null\"],\"default\":7}"
        );
        var record = Apply(run);
        Assert.Equal("east", CompiledRun.Get(record, "OriginSite"));
        Assert.Null(CompiledRun.Get(record, "BackupSite"));
        Assert.Null(CompiledRun.Get(record, "BackupLine"));
    }

    [Fact]
    public void ReplaceMaskHoistAndExtract_KeepTheFieldSchemaAndItsDefault()
    {
        var run = Run(
            "r,m,h",
            "\"transforms.r.type\": \"ReplaceField$Value\"",
            "\"transforms.r.renames\": \"count:total\"",
            "\"transforms.m.type\": \"MaskField$Value\"",
            "\"transforms.m.fields\": \"unit\"",
            "\"transforms.h.type\": \"HoistField$Value\"",
            "\"transforms.h.field\": \"reading\""
        );

        Written(
            run,
            "{\"name\":\"total\",\"type\":\"int\",\"default\":5}",
            "{\"name\":\"unit\",\"type\":\"string\",\"default\":\"kg\"}"
        );
        var reading = CompiledRun.Get(Apply(run), "Reading")!;
        Assert.Equal(3, CompiledRun.Get(reading, "Total"));
        Assert.Equal(string.Empty, CompiledRun.Get(reading, "Unit"));

        var extracted = Run(
            "x",
            "\"transforms.x.type\": \"ExtractField$Value\"",
            "\"transforms.x.field\": \"origin\""
        );
        Written(extracted, "{\"name\":\"site\",\"type\":\"string\",\"default\":\"north\"}");
        Assert.Equal("east", CompiledRun.Get(Apply(extracted), "Site"));
    }

    [Fact]
    public void Cast_CastsTheDefault_AndAvroDataWritesItIntoTheTypeToo()
    {
        var run = Run(
            "c",
            "\"transforms.c.type\": \"Cast$Value\"",
            "\"transforms.c.spec\": \"count:string,active:int32,ratio:string,weight:int8,big:int16,unit:string\""
        );

        Written(
            run,
            "{\"name\":\"count\",\"type\":{\"type\":\"string\",\"connect.default\":\"5\"},\"default\":\"5\"}",
            "{\"name\":\"active\",\"type\":{\"type\":\"int\",\"connect.default\":1},\"default\":1}",
            "{\"name\":\"ratio\",\"type\":{\"type\":\"string\",\"connect.default\":\"1.0\"},\"default\":\"1.0\"}",
            // Java's (byte) of a real: its (int), wrapped; 1e10 saturates to Integer.MAX_VALUE, whose low 16 bits are -1.
            "{\"name\":\"weight\",\"type\":{\"type\":\"int\",\"connect.default\":0,\"connect.type\":\"int8\"},\"default\":0}",
            "{\"name\":\"big\",\"type\":{\"type\":\"int\",\"connect.default\":-1,\"connect.type\":\"int16\"},\"default\":-1}",
            "{\"name\":\"unit\",\"type\":{\"type\":\"string\",\"connect.default\":\"kg\"},\"default\":\"kg\"}"
        );
        var record = Apply(run);
        Assert.Equal("3", CompiledRun.Get(record, "Count"));
        Assert.Equal(1, CompiledRun.Get(record, "Active"));
        Assert.Equal("0.25", CompiledRun.Get(record, "Ratio"));
        Assert.Equal(2, CompiledRun.Get(record, "Weight"));
    }

    [Fact]
    public void TimestampConverter_BuildsTheFieldAnew_WithoutItsDefault()
    {
        var run = Run(
            "t",
            "\"transforms.t.type\": \"TimestampConverter$Value\"",
            "\"transforms.t.field\": \"at\"",
            "\"transforms.t.target.type\": \"unix\""
        );

        Written(
            run,
            "{\"name\":\"at\",\"type\":\"long\"}",
            "{\"name\":\"count\",\"type\":\"int\",\"default\":5}"
        );
        Assert.Equal(0L, CompiledRun.Get(Apply(run), "At"));
    }

    [Theory]
    [InlineData("unit:int32", "the field \"unit\": its default \"kg\" is no int32")]
    [InlineData(
        "at:string",
        "the field \"at\": a default of bytes, a fixed, a Decimal, a Timestamp"
    )]
    public void ACastConnectCannotApplyToTheDefault_IsKcn0258AtTheSpec(string spec, string fragment)
    {
        var run = Run(
            "c",
            "\"transforms.c.type\": \"Cast$Value\"",
            "\"transforms.c.spec\": \"" + spec + "\""
        );

        CompiledRun.Reported(run, "KCN0258", 7, fragment);
    }
}
