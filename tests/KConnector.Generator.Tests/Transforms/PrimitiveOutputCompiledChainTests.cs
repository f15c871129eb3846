using System.Reflection;
using System.Runtime.Loader;
using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// A compiled chain whose output is a Connect primitive (docs/transforms.md, "Compiled at build
/// time"): <c>ExtractField$Value</c> of a primitive field makes the value that primitive, a
/// whole-value <c>Cast</c> converts it as Connect's <c>castValueToType</c>, <c>ExtractField$Key</c>
/// of a number field and a whole-key <c>Cast$Key</c> do the same for the key. The output's Avro
/// schema is AvroData's of the Connect primitive schema (an optional one <c>["null", T]</c>), held
/// by the chain class for the converter (<c>ConverterFormats.ConnectPrimitive</c>). The generated
/// code is compiled, loaded and run on a record.
/// </summary>
public class PrimitiveOutputCompiledChainTests
{
    private const string Measure = """
        { "type": "record", "name": "Measure", "namespace": "Plant.Measures", "fields": [
          { "name": "id", "type": "string" },
          { "name": "raw", "type": "bytes" },
          { "name": "count", "type": "int" },
          { "name": "total", "type": "long" },
          { "name": "ratio", "type": "float" },
          { "name": "amount", "type": "double" },
          { "name": "ok", "type": "boolean" },
          { "name": "note", "type": ["null", "string"], "default": null },
          { "name": "seen", "type": ["null", "int"], "default": null },
          { "name": "taken", "type": { "type": "long", "logicalType": "timestamp-millis" } },
          { "name": "day", "type": { "type": "int", "logicalType": "date" } },
          { "name": "at", "type": { "type": "int", "logicalType": "time-millis" } },
          { "name": "tags", "type": { "type": "array", "items": "string" } } ] }
        """;

    private const string MeasureSource = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Connectors;
        using KConnector.Records;
        using Plant.Measures;

        namespace Plant.Connectors;

        [SourceConnector("measures-source", ValueType = typeof(Measure))]
        public partial class MeasureSource
        {
            public ValueTask<IReadOnlyList<SourceRecord<string, Measure>>> PollAsync(CancellationToken cancellationToken) =>
                ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Measure>>>([]);
        }
        """;

    private static readonly DateTimeOffset Taken = new(2024, 3, 1, 12, 34, 56, 789, TimeSpan.Zero);

    /// <summary>A spec of MeasureSource with its transforms on line 5, the keys given from line 6 on.</summary>
    private static string Spec(string aliases, params string[] keys) =>
        "{\n"
        + "  \"name\": \"measures\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \"Plant.Connectors.MeasureSource\",\n"
        + "    \"transforms\": \""
        + aliases
        + "\""
        + string.Concat(keys.Select(e => ",\n    " + e))
        + "\n  }\n}\n";

    private static string Extract(string field) =>
        "\"transforms.x.type\": \"org.apache.kafka.connect.transforms.ExtractField$Value\", \"transforms.x.field\": \""
        + field
        + "\"";

    private const string AvroValues =
        "\"value.converter\": \"io.confluent.connect.avro.AvroConverter\"";

    private static GeneratorRun Run(string spec) =>
        new GeneratorHarness()
            .AddSchema("measure.avsc", Measure)
            .AddSource(MeasureSource)
            .AddSchema("measures.connector.json", spec)
            .Run();

    private static string Hint(GeneratorRun run, string suffix) =>
        run.Source(
            run.HintNames.Single(h => h.EndsWith(".Measures" + suffix, StringComparison.Ordinal))
        );

    /// <summary>
    /// Compiles the run's code, runs the chain named <paramref name="chainName"/> on a Measure (or,
    /// <paramref name="onKey"/>, on the task's key <paramref name="key"/>) and returns the output.
    /// </summary>
    private static object? Apply(
        GeneratorRun run,
        string chainName = "MeasuresValueChain",
        Action<object>? change = null,
        bool onKey = false,
        string? key = null
    )
    {
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var assembly = new AssemblyLoadContext(
            "kconnector-primitive",
            isCollectible: true
        ).LoadFromStream(image);
        var measure = Activator.CreateInstance(
            assembly.GetType("Plant.Measures.Measure", throwOnError: true)!
        )!;
        Set(measure, "Id", "m-1");
        Set(measure, "Raw", new byte[] { 1, 2, 255 });
        Set(measure, "Count", 42);
        Set(measure, "Total", 5_000_000_000L);
        Set(measure, "Ratio", 0.75f);
        Set(measure, "Amount", 12.99d);
        Set(measure, "Ok", true);
        Set(measure, "Taken", Taken);
        Set(measure, "Day", new DateOnly(2024, 3, 1));
        Set(measure, "At", new TimeOnly(12, 34, 56, 789));
        change?.Invoke(measure);
        var chain = assembly.GetTypes().Single(t => t.Name == chainName);
        var input = onKey ? key : measure;
        try
        {
            return chain
                .GetMethod("Apply", BindingFlags.Public | BindingFlags.Static)!
                .Invoke(null, ["measures", input]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static void Set(object record, string property, object? value) =>
        record.GetType().GetProperty(property)!.SetValue(record, value);

    public static TheoryData<string, string, string> Fields =>
        new()
        {
            { "id", "string", "\"string\"" },
            { "raw", "byte[]", "\"bytes\"" },
            { "count", "int?", "\"int\"" },
            { "total", "long?", "\"long\"" },
            { "ratio", "float?", "\"float\"" },
            { "amount", "double?", "\"double\"" },
            { "ok", "bool?", "\"boolean\"" },
            { "note", "string?", "[\"null\", \"string\"]" },
            { "seen", "int?", "[\"null\", \"int\"]" },
            {
                "taken",
                "global::System.DateTimeOffset?",
                "{\"type\": \"long\", \"connect.version\": 1, \"connect.name\": \"org.apache.kafka.connect.data.Timestamp\", \"logicalType\": \"timestamp-millis\"}"
            },
            {
                "day",
                "global::System.DateOnly?",
                "{\"type\": \"int\", \"connect.version\": 1, \"connect.name\": \"org.apache.kafka.connect.data.Date\", \"logicalType\": \"date\"}"
            },
            {
                "at",
                "global::System.TimeOnly?",
                "{\"type\": \"int\", \"connect.version\": 1, \"connect.name\": \"org.apache.kafka.connect.data.Time\", \"logicalType\": \"time-millis\"}"
            },
        };

    [Theory]
    [MemberData(nameof(Fields))]
    public void ExtractFieldValue_OfAPrimitiveField_MakesTheValueThatPrimitive_WithAvroDatasSchema(
        string field,
        string type,
        string avroSchema
    )
    {
        var run = Run(Spec("x", AvroValues, Extract(field)));

        var chain = Hint(run, ".ValueChain.g.cs");
        Assert.Contains(
            $"public static {type} Apply(string topic, global::Plant.Measures.Measure value)",
            chain,
            StringComparison.Ordinal
        );
        var schema = System.Text.Json.JsonSerializer.Deserialize<string>(
            chain.Split("OutputAvroSchemaJson = ")[1].Split(";\n")[0].Trim()
        );
        Assert.Equal(avroSchema, schema);
        Assert.Contains(
            $"new global::KConnector.Transforms.Compiled.SourceChainConverter<global::Plant.Measures.Measure, {type}>(global::KConnector.Converters.ConverterFactory.Create<{type}>(",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"global::KConnector.Converters.ConverterFormats.ConnectPrimitive<{type}>(",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".ValueOutput.g.cs", StringComparison.Ordinal)
        );
        var expected = field switch
        {
            "id" => "m-1",
            "raw" => new byte[] { 1, 2, 255 },
            "count" => 42,
            "total" => 5_000_000_000L,
            "ratio" => 0.75f,
            "amount" => 12.99d,
            "ok" => true,
            "taken" => Taken,
            "day" => new DateOnly(2024, 3, 1),
            "at" => (object)new TimeOnly(12, 34, 56, 789),
            _ => null,
        };
        Assert.Equal(expected, Apply(run));
    }

    [Fact]
    public void ExtractFieldValue_OfAString_UnderTheStringConverter_WritesTheText_NoRecordConverter()
    {
        var run = Run(
            Spec(
                "x",
                "\"value.converter\": \"org.apache.kafka.connect.storage.StringConverter\"",
                Extract("id")
            )
        );

        Assert.Equal("m-1", Apply(run));
        var worker = Hint(run, ".Worker.g.cs");
        Assert.Contains(
            "new global::KConnector.Transforms.Compiled.SourceChainConverter<global::Plant.Measures.Measure, string>(",
            worker,
            StringComparison.Ordinal
        );
        // The StringConverter cannot write the task's Measure: a dead-letter copy has no converter of it.
        Assert.Contains("MeasuresValueChain.Apply, null)", worker, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amount", "double?")]
    [InlineData("ok", "bool?")]
    [InlineData("taken", "global::System.DateTimeOffset?")]
    public void ExtractFieldValue_OfANumberBooleanOrTimestamp_UnderTheStringConverter_WritesJavasText(
        string field,
        string type
    )
    {
        var run = Run(
            Spec(
                "x",
                "\"value.converter\": \"org.apache.kafka.connect.storage.StringConverter\"",
                Extract(field)
            )
        );

        Assert.NotNull(Apply(run));
        // value.converter is built for the primitive, whose formats give the StringConverter its Java toString().
        Assert.Contains(
            "global::KConnector.Converters.ConverterFactory.Create<"
                + type
                + ">(config.ValueConverter, ",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "global::KConnector.Converters.ConverterFormats.ConnectPrimitive<" + type + ">(",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SetSchemaMetadata_OfAPrimitiveValue_NamesAndVersionsItsAvroSchema_AsAvroData()
    {
        var run = Run(
            Spec(
                "x,c,n",
                AvroValues,
                Extract("amount"),
                "\"transforms.c.type\": \"Cast$Value\"",
                "\"transforms.c.spec\": \"int16\"",
                "\"transforms.n.type\": \"SetSchemaMetadata$Value\"",
                "\"transforms.n.schema.name\": \"plant.Amount\"",
                "\"transforms.n.schema.version\": \"3\""
            )
        );

        Assert.Equal(12, Apply(run));
        // connect.version, connect.name, then INT16's connect.type, as AvroData adds them.
        Assert.Contains(
            "OutputAvroSchemaJson = \"{\\\"type\\\": \\\"int\\\", \\\"connect.version\\\": 3, \\\"connect.name\\\": \\\"plant.Amount\\\", \\\"connect.type\\\": \\\"int16\\\"}\"",
            Hint(run, ".ValueChain.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SetSchemaMetadataKey_OfTheTasksStringKey_NamesTheKeysSchema()
    {
        var run = Run(
            Spec(
                "n",
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                "\"transforms.n.type\": \"SetSchemaMetadata$Key\"",
                "\"transforms.n.schema.name\": \"plant.MeasureId\""
            )
        );

        Assert.Equal("k-1", Apply(run, "MeasuresKeyChain", onKey: true, key: "k-1"));
        // The StringConverter's key is an optional string: the named type is the union's second branch.
        Assert.Contains(
            "OutputAvroSchemaJson = \"[\\\"null\\\", {\\\"type\\\": \\\"string\\\", \\\"connect.name\\\": \\\"plant.MeasureId\\\"}]\"",
            Hint(run, ".KeyChain.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ExtractFieldValue_OfAnOptionalField_IsNullWhereTheFieldIs()
    {
        var run = Run(Spec("x", AvroValues, Extract("seen")));

        Assert.Null(Apply(run));
        Assert.Equal(7, Apply(run, change: m => Set(m, "Seen", 7)));
    }

    public static TheoryData<string, string, string, object> Casts =>
        new()
        {
            { "amount", "int64", "long?", 12L },
            { "amount", "int8", "int?", 12 },
            { "total", "int32", "int?", 705032704 },
            { "count", "string", "string", "42" },
            { "count", "boolean", "bool?", true },
            { "ok", "float64", "double?", 1d },
            { "ratio", "string", "string", "0.75" },
            { "taken", "int64", "long?", 1709296496789L },
            { "taken", "string", "string", "2024-03-01T12:34:56.789Z" },
            { "raw", "string", "string", "AQL/" },
            { "id", "string", "string", "m-1" },
        };

    [Theory]
    [MemberData(nameof(Casts))]
    public void WholeValueCast_OfAnExtractedPrimitive_IsConnectsCast(
        string field,
        string target,
        string type,
        object expected
    )
    {
        var run = Run(
            Spec(
                "x,c",
                AvroValues,
                Extract(field),
                "\"transforms.c.type\": \"Cast$Value\"",
                "\"transforms.c.spec\": \"" + target + "\""
            )
        );

        Assert.Contains(
            $"public static {type} Apply(",
            Hint(run, ".ValueChain.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Equal(expected, Apply(run));
    }

    [Fact]
    public void WholeValueCast_OfAStringThatIsNoNumber_FailsTheRecordNamingTheCast()
    {
        var run = Run(
            Spec(
                "x,c",
                AvroValues,
                Extract("id"),
                "\"transforms.c.type\": \"org.apache.kafka.connect.transforms.Cast$Value\"",
                "\"transforms.c.spec\": \"int32\""
            )
        );

        var failure = Assert.ThrowsAny<Exception>(() => Apply(run));
        Assert.Equal("CompiledTransformationException", failure.GetType().Name);
        Assert.Contains("m-1", failure.Message, StringComparison.Ordinal);
        Assert.Equal(
            "KConnector.Transforms.CastValue",
            ((Type)failure.GetType().GetProperty("Plugin")!.GetValue(failure)!).FullName
        );
        Assert.Equal(12, Apply(run, change: m => Set(m, "Id", "12")));
    }

    [Fact]
    public void HoistField_AfterExtractField_WrapsThePrimitiveInConnectDefault()
    {
        var run = Run(
            Spec(
                "x,h",
                AvroValues,
                Extract("amount"),
                "\"transforms.h.type\": \"HoistField$Value\"",
                "\"transforms.h.field\": \"price\""
            )
        );

        Assert.Contains(
            "\"name\":\"ConnectDefault\",\"namespace\":\"io.confluent.connect.avro\",\"fields\":[{\"name\":\"price\",\"type\":\"double\"}]",
            Hint(run, ".ValueOutput.g.cs")
                .Replace("\\", string.Empty, StringComparison.Ordinal)
                .Replace(" ", string.Empty, StringComparison.Ordinal),
            StringComparison.Ordinal
        );
        var output = Apply(run)!;
        Assert.Equal(12.99d, output.GetType().GetProperty("Price")!.GetValue(output));
    }

    [Fact]
    public void WholeKeyCast_OfTheTasksStringKey_IsTheKeyChain_KeyConverterWritesThePrimitive()
    {
        var run = Run(
            Spec(
                "c",
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                "\"transforms.c.type\": \"Cast$Key\"",
                "\"transforms.c.spec\": \"int64\""
            )
        );

        var chain = Hint(run, ".KeyChain.g.cs");
        Assert.Contains("public static long? Apply(string topic, string key)", chain);
        Assert.Contains("OutputAvroSchemaJson = \"[\\\"null\\\", \\\"long\\\"]\"", chain);
        Assert.Contains(
            "new global::KConnector.Transforms.Compiled.SourceChainConverter<string, long?>(",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Equal(1234L, Apply(run, "MeasuresKeyChain", onKey: true, key: "1234"));
        Assert.Null(Apply(run, "MeasuresKeyChain", onKey: true, key: null));
        var failure = Assert.ThrowsAny<Exception>(() =>
            Apply(run, "MeasuresKeyChain", onKey: true, key: "k-1")
        );
        Assert.Equal("CompiledTransformationException", failure.GetType().Name);
    }

    [Fact]
    public void ExtractFieldKey_OfANumberField_UnderTheDefaultStringKeyConverter_WritesJavasText()
    {
        var run = Run(
            Spec(
                "k,x",
                "\"transforms.k.type\": \"ValueToKey\"",
                "\"transforms.k.fields\": \"id,count\"",
                "\"transforms.x.type\": \"ExtractField$Key\"",
                "\"transforms.x.field\": \"count\""
            )
        );

        Assert.Equal(42, Apply(run, "MeasuresKeyChain"));
        Assert.Contains(
            "SourceKeyChainConverter<string, global::Plant.Measures.Measure, int?>(global::KConnector.Converters.ConverterFactory.Create<int?>(config.KeyConverter, ",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ExtractFieldKey_OfANumberField_MakesTheKeyThatNumber()
    {
        var run = Run(
            Spec(
                "k,x",
                "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
                "\"transforms.k.type\": \"ValueToKey\"",
                "\"transforms.k.fields\": \"id,total\"",
                "\"transforms.x.type\": \"ExtractField$Key\"",
                "\"transforms.x.field\": \"total\""
            )
        );

        var chain = Hint(run, ".KeyChain.g.cs");
        Assert.Contains(
            "public static long? Apply(string topic, global::Plant.Measures.Measure value)",
            chain
        );
        Assert.Contains("OutputAvroSchemaJson = \"\\\"long\\\"\"", chain);
        Assert.Contains(
            "SourceKeyChainConverter<string, global::Plant.Measures.Measure, long?>(global::KConnector.Converters.ConverterFactory.Create<long?>(",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
        Assert.Equal(5_000_000_000L, Apply(run, "MeasuresKeyChain"));
    }

    public static TheoryData<string, string, string, int, string> Refused =>
        new()
        {
            {
                "a record transformation after the value became a primitive (the fold)",
                Spec(
                    "x,i",
                    AvroValues,
                    Extract("amount"),
                    "\"transforms.i.type\": \"InsertField$Value\"",
                    "\"transforms.i.static.field\": \"origin\""
                ),
                "KCN0252",
                8,
                "the value after \"x\" is float64"
            },
            {
                "ExtractField$Key of a bytes field with the default (string) key.converter",
                Spec(
                    "k,x",
                    "\"transforms.k.type\": \"ValueToKey\"",
                    "\"transforms.k.fields\": \"id,raw\"",
                    "\"transforms.x.type\": \"ExtractField$Key\"",
                    "\"transforms.x.field\": \"raw\""
                ),
                "KCN0205",
                6,
                "the default key.converter"
            },
            {
                "SetSchemaMetadata of a Timestamp (its name makes the value a Date in Connect)",
                Spec(
                    "x,n",
                    AvroValues,
                    Extract("taken"),
                    "\"transforms.n.type\": \"SetSchemaMetadata$Value\"",
                    "\"transforms.n.schema.name\": \"plant.Taken\""
                ),
                "KCN0258",
                8,
                "whose schema name says what its value is"
            },
            {
                "ExtractField$Value of an array field",
                Spec("x", AvroValues, Extract("tags")),
                "KCN0258",
                7,
                "is an array or a map"
            },
            {
                "a bytes value under the StringConverter (Java's byte[].toString() is an identity hash)",
                Spec(
                    "x",
                    "\"value.converter\": \"org.apache.kafka.connect.storage.StringConverter\"",
                    Extract("raw")
                ),
                "KCN0205",
                6,
                "the value type byte[]"
            },
            {
                "a whole-value Cast of the record (the fold)",
                Spec(
                    "c",
                    AvroValues,
                    "\"transforms.c.type\": \"Cast$Value\"",
                    "\"transforms.c.spec\": \"string\""
                ),
                "KCN0253",
                8,
                "STRUCT"
            },
        };

    [Theory]
    [MemberData(nameof(Refused))]
    public void PrimitiveChainThatCannotCompile_IsReportedAtTheKeyThatSaysWhy(
        string name,
        string spec,
        string id,
        int line,
        string fragment
    )
    {
        var run = Run(spec);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        var diagnostic = Assert.Single(
            run.Diagnostics,
            d => d.Severity == DiagnosticSeverity.Error
        );
        var at = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
        Assert.True(
            diagnostic.Id == id
                && at == line
                && diagnostic.GetMessage().Contains(fragment, StringComparison.Ordinal),
            name + ": got " + diagnostic.Id + " at line " + at + ": " + diagnostic.GetMessage()
        );
    }
}
