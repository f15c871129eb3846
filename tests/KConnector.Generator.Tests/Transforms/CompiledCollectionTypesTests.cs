using System.Collections;
using System.Reflection;
using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// Arrays and maps of decimals, fixed, Timestamp/Date, enums and optional records through a compiled
/// chain, as Confluent's AvroData reads them (an ARRAY or MAP of Connect's Decimal, named BYTES,
/// Timestamp, Date, the enum's STRING with its parameters, optional STRUCT) and writes them back (<c>fromConnectSchema</c> of the item schema, an
/// optional struct as <c>["null", record]</c>): carried item for item, left as they are by Flatten,
/// emptied by MaskField, as Connect's. The generated code is compiled, loaded and run.
/// </summary>
public class CompiledCollectionTypesTests
{
    private const string Batch = """
        { "type": "record", "name": "Batch", "namespace": "Plant.Batches", "fields": [
          { "name": "id", "type": "string" },
          { "name": "prices", "type": { "type": "array", "items": { "type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2 } } },
          { "name": "rates", "type": { "type": "map", "values": { "type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 3 } } },
          { "name": "codes", "type": { "type": "array", "items": { "type": "fixed", "name": "Code", "size": 2 } } },
          { "name": "stamps", "type": { "type": "array", "items": { "type": "long", "logicalType": "timestamp-millis" } } },
          { "name": "days", "type": { "type": "map", "values": { "type": "int", "logicalType": "date" } } },
          { "name": "parts", "type": { "type": "array", "items": ["null", { "type": "record", "name": "Part", "fields": [ { "name": "sku", "type": "string" } ] }] } },
          { "name": "spares", "type": { "type": "map", "values": ["null", "Part"] } },
          { "name": "grades", "type": { "type": "array", "items": { "type": "enum", "name": "Grade", "symbols": ["A", "B"] } } },
          { "name": "levels", "type": ["null", { "type": "map", "values": "Grade" }], "default": null },
          { "name": "serial", "type": { "type": "fixed", "name": "Serial", "size": 16, "logicalType": "uuid" } },
          { "name": "span", "type": ["null", { "type": "fixed", "name": "Span", "size": 12, "logicalType": "duration" }], "default": null } ] }
        """;

    private const string BatchSource = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Connectors;
        using KConnector.Records;
        using Plant.Batches;

        namespace Plant.Connectors;

        [SourceConnector("batches-source", ValueType = typeof(Batch))]
        public partial class BatchSource
        {
            public ValueTask<IReadOnlyList<SourceRecord<string, Batch>>> PollAsync(CancellationToken cancellationToken) =>
                ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Batch>>>([]);
        }
        """;

    private static GeneratorRun Run(string aliases, params string[] keys) =>
        new GeneratorHarness()
            .AddSchema("batch.avsc", Batch)
            .AddSource(BatchSource)
            .AddSchema(
                "batches.connector.json",
                CompiledRun.Spec("batches", "Plant.Connectors.BatchSource", aliases, keys)
            )
            .Run();

    private static readonly Guid Serial = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");

    private static readonly DateTimeOffset Stamp = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the chain on a batch: two prices, a rate, a code, a stamp, a day, a part and a null one, a spare and a null one, grades B and A, level A.</summary>
    private static object Apply(GeneratorRun run)
    {
        var assembly = CompiledRun.Load(run);
        var part = Part(assembly, "p-1");
        var batch = CompiledRun.New(assembly, "Plant.Batches.Batch");
        CompiledRun.Set(batch, "Id", "b-1");
        CompiledRun.Set(batch, "Prices", new[] { 1.25m, 3.5m });
        CompiledRun.Set(batch, "Rates", new Dictionary<string, decimal> { ["eur"] = 0.125m });
        CompiledRun.Set(batch, "Codes", new[] { new byte[] { 1, 2 } });
        CompiledRun.Set(batch, "Stamps", new[] { Stamp });
        CompiledRun.Set(
            batch,
            "Days",
            new Dictionary<string, DateOnly> { ["start"] = new DateOnly(2024, 3, 1) }
        );
        var parts = Array.CreateInstance(part.GetType(), 2);
        parts.SetValue(part, 0);
        CompiledRun.Set(batch, "Parts", parts);
        var spares = (IDictionary)
            Activator.CreateInstance(
                typeof(Dictionary<,>).MakeGenericType(typeof(string), part.GetType())
            )!;
        spares["a"] = Part(assembly, "s-1");
        spares["b"] = null;
        CompiledRun.Set(batch, "Spares", spares);
        var grade = assembly.GetType("Plant.Batches.Grade", true)!;
        var grades = Array.CreateInstance(grade, 2);
        grades.SetValue(Enum.Parse(grade, "B"), 0);
        grades.SetValue(Enum.Parse(grade, "A"), 1);
        CompiledRun.Set(batch, "Grades", grades);
        var levels = (IDictionary)
            Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), grade))!;
        levels["x"] = Enum.Parse(grade, "A");
        CompiledRun.Set(batch, "Levels", levels);
        CompiledRun.Set(batch, "Serial", Serial);
        return CompiledRun.Apply(assembly, "BatchesValueChain", "batches", batch);
    }

    private static object Part(Assembly assembly, string sku)
    {
        var part = CompiledRun.New(assembly, "Plant.Batches.Part");
        CompiledRun.Set(part, "Sku", sku);
        return part;
    }

    [Fact]
    public void ArraysAndMapsOfDecimalsFixedDatesAndOptionalRecords_AreWhatAvroDataWrites()
    {
        var run = Run(
            "r,f",
            "\"transforms.r.type\": \"ReplaceField$Value\"",
            "\"transforms.r.renames\": \"prices:amounts\"",
            "\"transforms.f.type\": \"Flatten$Value\"",
            "\"transforms.f.delimiter\": \"_\""
        );

        var output = CompiledRun.Output(run);
        foreach (
            var field in new[]
            {
                "{\"name\":\"amounts\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"bytes\",\"scale\":2,\"precision\":9,\"connect.version\":1,\"connect.parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"9\"},\"connect.name\":\"org.apache.kafka.connect.data.Decimal\",\"logicalType\":\"decimal\"}}}",
                "{\"name\":\"rates\",\"type\":{\"type\":\"map\",\"values\":{\"type\":\"bytes\",\"scale\":3,\"precision\":6,",
                "{\"name\":\"codes\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"fixed\",\"name\":\"Code\",\"size\":2,\"connect.parameters\":{\"connect.fixed.size\":\"2\"},\"connect.name\":\"Plant.Batches.Code\"}}}",
                "{\"name\":\"stamps\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"long\",\"connect.version\":1,\"connect.name\":\"org.apache.kafka.connect.data.Timestamp\",\"logicalType\":\"timestamp-millis\"}}}",
                "{\"name\":\"days\",\"type\":{\"type\":\"map\",\"values\":{\"type\":\"int\",\"connect.version\":1,\"connect.name\":\"org.apache.kafka.connect.data.Date\",\"logicalType\":\"date\"}}}",
                // An optional struct item: AvroData's ["null", record].
                "{\"name\":\"parts\",\"type\":{\"type\":\"array\",\"items\":[\"null\",{\"type\":\"record\",\"name\":\"Part\",\"fields\":[{\"name\":\"sku\",\"type\":\"string\"}]}]}}",
                "{\"name\":\"spares\",\"type\":{\"type\":\"map\",\"values\":[\"null\",\"",
                // Enum items: AvroData's STRING with the enum's parameters.
                "{\"name\":\"grades\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"connect.parameters\":{\"io.confluent.connect.avro.Enum\":\"Plant.Batches.Grade\",\"io.confluent.connect.avro.Enum.A\":\"A\",\"io.confluent.connect.avro.Enum.B\":\"B\"},\"connect.name\":\"Plant.Batches.Grade\"}}}",
                "{\"name\":\"levels\",\"type\":[\"null\",{\"type\":\"map\",\"values\":{\"type\":\"string\",\"connect.parameters\":{\"io.confluent.connect.avro.Enum\":\"Plant.Batches.Grade\",",
            }
        )
        {
            Assert.Contains(field, output, StringComparison.Ordinal);
        }
        var record = Apply(run);
        Assert.Equal(
            new[] { 1.25m, 3.5m },
            (IEnumerable<decimal>)CompiledRun.Get(record, "Amounts")!
        );
        Assert.Equal(
            0.125m,
            ((IDictionary<string, decimal>)CompiledRun.Get(record, "Rates")!)["eur"]
        );
        Assert.Equal(
            new byte[] { 1, 2 },
            ((IEnumerable<byte[]>)CompiledRun.Get(record, "Codes")!).Single()
        );
        Assert.Equal(
            Stamp,
            ((IEnumerable<DateTimeOffset>)CompiledRun.Get(record, "Stamps")!).Single()
        );
        Assert.Equal(
            new DateOnly(2024, 3, 1),
            ((IDictionary<string, DateOnly>)CompiledRun.Get(record, "Days")!)["start"]
        );
        var parts = ((IEnumerable)CompiledRun.Get(record, "Parts")!).Cast<object?>().ToList();
        Assert.Equal("p-1", CompiledRun.Get(parts[0]!, "Sku"));
        Assert.Null(parts[1]);
        var spares = (IDictionary)CompiledRun.Get(record, "Spares")!;
        Assert.Equal("s-1", CompiledRun.Get(spares["a"]!, "Sku"));
        Assert.Null(spares["b"]);
        Assert.Equal(new[] { "B", "A" }, (IEnumerable<string>)CompiledRun.Get(record, "Grades")!);
        Assert.Equal("A", ((IDictionary<string, string>)CompiledRun.Get(record, "Levels")!)["x"]);
        // A fixed uuid: its 16 bytes as the wire carries them (RFC 4122 order).
        Assert.Equal(
            Convert.FromHexString("00112233445566778899aabbccddeeff"),
            CompiledRun.Get(record, "Serial")
        );
        Assert.Null(CompiledRun.Get(record, "Span"));
    }

    [Fact]
    public void FixedUuidAndDuration_AreThePlainFixed_AsAvroDataReadsAndWritesThem()
    {
        var run = Run(
            "c",
            "\"transforms.c.type\": \"Cast$Value\"",
            "\"transforms.c.spec\": \"serial:string\""
        );

        var output = CompiledRun.Output(run);
        Assert.Contains(
            "{\"name\":\"serial\",\"type\":\"string\"}",
            output,
            StringComparison.Ordinal
        );
        // AvroData knows no duration: the plain fixed, without the logical type.
        Assert.Contains(
            "{\"name\":\"span\",\"type\":[\"null\",{\"type\":\"fixed\",\"name\":\"Span\",\"size\":12,\"connect.parameters\":{\"connect.fixed.size\":\"12\"},\"connect.name\":\"Plant.Batches.Span\"}],\"default\":null}",
            output,
            StringComparison.Ordinal
        );
        var assembly = CompiledRun.Load(run);
        var batch = CompiledRun.New(assembly, "Plant.Batches.Batch");
        CompiledRun.Set(batch, "Id", "b-2");
        CompiledRun.Set(batch, "Prices", Array.Empty<decimal>());
        CompiledRun.Set(batch, "Rates", new Dictionary<string, decimal>());
        CompiledRun.Set(batch, "Codes", Array.Empty<byte[]>());
        CompiledRun.Set(batch, "Stamps", Array.Empty<DateTimeOffset>());
        CompiledRun.Set(batch, "Days", new Dictionary<string, DateOnly>());
        CompiledRun.Set(
            batch,
            "Parts",
            Array.CreateInstance(assembly.GetType("Plant.Batches.Part", true)!, 0)
        );
        CompiledRun.Set(
            batch,
            "Spares",
            Activator.CreateInstance(
                typeof(Dictionary<,>).MakeGenericType(
                    typeof(string),
                    assembly.GetType("Plant.Batches.Part", true)!
                )
            )
        );
        CompiledRun.Set(
            batch,
            "Grades",
            Array.CreateInstance(assembly.GetType("Plant.Batches.Grade", true)!, 0)
        );
        CompiledRun.Set(batch, "Serial", Serial);
        CompiledRun.Set(batch, "Span", new KConnector.Avro.AvroDuration(1, 2, 3));
        var record = CompiledRun.Apply(assembly, "BatchesValueChain", "batches", batch);

        // Connect's Cast of BYTES to string: base64 of the 16 bytes.
        Assert.Equal(
            Convert.ToBase64String(Convert.FromHexString("00112233445566778899aabbccddeeff")),
            CompiledRun.Get(record, "Serial")
        );
        Assert.Equal(
            new byte[] { 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0 },
            CompiledRun.Get(record, "Span")
        );
    }

    [Fact]
    public void MaskField_EmptiesTheArraysAndMaps_AsConnectsMaskField()
    {
        var run = Run(
            "m",
            "\"transforms.m.type\": \"MaskField$Value\"",
            "\"transforms.m.fields\": \"prices,rates,codes,parts,spares,grades\""
        );

        var record = Apply(run);
        Assert.Empty((IEnumerable<decimal>)CompiledRun.Get(record, "Prices")!);
        Assert.Empty((IDictionary<string, decimal>)CompiledRun.Get(record, "Rates")!);
        Assert.Empty((IEnumerable<byte[]>)CompiledRun.Get(record, "Codes")!);
        Assert.Empty((IEnumerable)CompiledRun.Get(record, "Parts")!);
        Assert.Empty((IDictionary)CompiledRun.Get(record, "Spares")!);
        Assert.Empty((IEnumerable<string>)CompiledRun.Get(record, "Grades")!);
        Assert.Single((IEnumerable<DateTimeOffset>)CompiledRun.Get(record, "Stamps")!);
    }

    [Fact]
    public void CastOfAnArrayOfDecimals_IsKcn0253_AsConnectFailsIt()
    {
        var run = Run(
            "c",
            "\"transforms.c.type\": \"Cast$Value\"",
            "\"transforms.c.spec\": \"prices:string\""
        );

        Assert.Equal(
            "KCN0253",
            Assert.Single(run.Diagnostics, d => d.Id.StartsWith("KCN", StringComparison.Ordinal)).Id
        );
    }

    [Theory]
    [InlineData(
        "{ \"name\": \"ids\", \"type\": { \"type\": \"array\", \"items\": { \"type\": \"string\", \"logicalType\": \"uuid\" } } }",
        "the value's field \"ids\" is of type array"
    )]
    [InlineData(
        "{ \"name\": \"notes\", \"type\": { \"type\": \"array\", \"items\": [\"null\", \"string\"] } }",
        "the value's field \"notes\" is of type array"
    )]
    [InlineData(
        "{ \"name\": \"refs\", \"type\": { \"type\": \"map\", \"values\": [\"string\", \"long\"] } }",
        "the value's field \"refs\" is of type map"
    )]
    public void ACollectionTheChainDoesNotCarry_IsKcn0258AtTheTransformsLine(
        string field,
        string fragment
    )
    {
        const string Id = "{ \"name\": \"id\", \"type\": \"string\" },";
        var run = new GeneratorHarness()
            .AddSchema(
                "batch.avsc",
                Batch.Replace(Id, Id + " " + field + ",", StringComparison.Ordinal)
            )
            .AddSource(BatchSource)
            .AddSchema(
                "batches.connector.json",
                CompiledRun.Spec(
                    "batches",
                    "Plant.Connectors.BatchSource",
                    "m",
                    "\"transforms.m.type\": \"MaskField$Value\"",
                    "\"transforms.m.fields\": \"id\""
                )
            )
            .Run();

        CompiledRun.Reported(run, "KCN0258", 6, fragment);
    }
}
