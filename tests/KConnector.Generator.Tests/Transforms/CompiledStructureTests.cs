using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// Flatten, HoistField, ExtractField and TimestampConverter compiled at build time on a value with
/// nested records, optional parents, arrays and maps (docs/transforms.md, "Compiled at build
/// time"): the output schema the converter registers, the generated code compiling, and KCN0258 at
/// the key that says why for what the compiled path cannot output.
/// </summary>
public class CompiledStructureTests
{
    private const string Order = """
        { "type": "record", "name": "Order", "namespace": "Shop.Orders", "fields": [
          { "name": "id", "type": "string" },
          { "name": "placed", "type": "string" },
          { "name": "paid_at", "type": ["null", "long"], "default": null },
          { "name": "customer", "type": { "type": "record", "name": "Customer", "fields": [
            { "name": "name", "type": "string" },
            { "name": "contact", "type": { "type": "record", "name": "Contact", "fields": [
              { "name": "email", "type": "string" } ] } },
            { "name": "address", "type": ["null", { "type": "record", "name": "Address", "fields": [
              { "name": "city", "type": "string" },
              { "name": "zip", "type": ["null", "int"], "default": null } ] }], "default": null } ] } },
          { "name": "lines", "type": { "type": "array", "items": "int" } },
          { "name": "attrs", "type": { "type": "map", "values": "string" } } ] }
        """;

    private const string OrderSource = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Connectors;
        using KConnector.Records;
        using Shop.Orders;

        namespace Shop.Connectors;

        [SourceConnector("orders-source", ValueType = typeof(Order))]
        public partial class OrderSource
        {
            public ValueTask<IReadOnlyList<SourceRecord<string, Order>>> PollAsync(CancellationToken cancellationToken) =>
                ValueTask.FromResult<IReadOnlyList<SourceRecord<string, Order>>>([]);
        }
        """;

    /// <summary>
    /// A spec of the project's OrderSource (a file source cannot read nested records) with its
    /// transforms from line 5 on: each alias's type on line 6, its next key on line 7.
    /// </summary>
    private static string Spec(string aliases, params string[] keys) =>
        "{\n"
        + "  \"name\": \"orders\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \"Shop.Connectors.OrderSource\",\n"
        + "    \"transforms\": \""
        + aliases
        + "\""
        + string.Concat(keys.Select(e => ",\n    " + e))
        + "\n  }\n}\n";

    private static GeneratorRun Run(string spec) =>
        new GeneratorHarness()
            .AddSchema("order.avsc", Order)
            .AddSource(OrderSource)
            .AddSchema("orders.connector.json", spec)
            .Run();

    private static string Output(GeneratorRun run) =>
        Compact(
            run.Source(
                run.HintNames.Single(h => h.EndsWith(".ValueOutput.g.cs", StringComparison.Ordinal))
            )
        );

    private static string ChainOf(GeneratorRun run) =>
        run.Source(
            run.HintNames.Single(h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal))
        );

    private static string Compact(string source) =>
        source
            .Replace("\\", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);

    private static void Compiles(GeneratorRun run)
    {
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void FlattenAndTimestampConverter_FlatRecordWithLogicalTypes_OptionalUnderAnOptionalParent()
    {
        var run = Run(
            Spec(
                "flat,placed,paid",
                "\"transforms.flat.type\": \"org.apache.kafka.connect.transforms.Flatten$Value\"",
                "\"transforms.flat.delimiter\": \"_\"",
                "\"transforms.placed.type\": \"TimestampConverter$Value\"",
                "\"transforms.placed.field\": \"placed\"",
                "\"transforms.placed.target.type\": \"Timestamp\"",
                "\"transforms.placed.format\": \"yyyy-MM-dd HH:mm:ss\"",
                "\"transforms.paid.type\": \"TimestampConverter$Value\"",
                "\"transforms.paid.field\": \"paid_at\"",
                "\"transforms.paid.target.type\": \"string\"",
                "\"transforms.paid.format\": \"yyyy-MM-dd'T'HH:mm:ss.SSS\""
            )
        );

        Compiles(run);
        var output = Output(run);
        foreach (
            var field in new[]
            {
                "{\"name\":\"id\",\"type\":\"string\"}",
                "{\"name\":\"placed\",\"type\":{\"type\":\"long\",\"connect.version\":1,\"connect.name\":\"org.apache.kafka.connect.data.Timestamp\",\"logicalType\":\"timestamp-millis\"}}",
                "{\"name\":\"paid_at\",\"type\":[\"null\",\"string\"],\"default\":null}",
                "{\"name\":\"customer_name\",\"type\":\"string\"}",
                "{\"name\":\"customer_contact_email\",\"type\":\"string\"}",
                "{\"name\":\"customer_address_city\",\"type\":[\"null\",\"string\"],\"default\":null}",
                "{\"name\":\"customer_address_zip\",\"type\":[\"null\",\"int\"],\"default\":null}",
                "{\"name\":\"lines\",\"type\":{\"type\":\"array\",\"items\":\"int\"}}",
                "{\"name\":\"attrs\",\"type\":{\"type\":\"map\",\"values\":\"string\"}}",
            }
        )
        {
            Assert.Contains(field, output, StringComparison.Ordinal);
        }
        var chain = ChainOf(run);
        Assert.Contains(
            "CustomerAddressCity = (value.Customer.Address is null ? null : (string?)value.Customer.Address!.City),",
            chain,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Placed = global::KConnector.Transforms.Compiled.CompiledTimestamp.Timestamp(global::KConnector.Transforms.Compiled.CompiledTimestamp.Parse(value.Placed, \"yyyy-MM-dd HH:mm:ss\", typeof(global::KConnector.Transforms.TimestampConverterValue))),",
            chain,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void HoistField_TheRecordBecomesTheOneFieldOfConnectDefault_NestedRecordsBuilt()
    {
        var run = Run(
            Spec(
                "hoist",
                "\"transforms.hoist.type\": \"HoistField$Value\"",
                "\"transforms.hoist.field\": \"order\""
            )
        );

        Compiles(run);
        var output = Output(run);
        Assert.Contains(
            "\"name\":\"ConnectDefault\",\"namespace\":\"io.confluent.connect.avro\",\"fields\":[{\"name\":\"order\",\"type\":{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"Shop.Orders\"",
            output,
            StringComparison.Ordinal
        );
        var chain = ChainOf(run);
        Assert.Contains(
            "Address = value.Customer.Address is null ? null : new global::KConnector.Generated.OrdersOutput.Address",
            chain,
            StringComparison.Ordinal
        );
        Assert.Contains("Lines = value.Lines,", chain, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractField_V2PathToANestedStruct_IsTheOutputRecord()
    {
        var run = Run(
            Spec(
                "x",
                "\"transforms.x.type\": \"ExtractField$Value\"",
                "\"transforms.x.field\": \"customer.contact\"",
                "\"transforms.x.field.syntax.version\": \"V2\""
            )
        );

        Compiles(run);
        Assert.Contains(
            "{\"type\":\"record\",\"name\":\"Contact\",\"namespace\":\"Shop.Orders\",\"fields\":[{\"name\":\"email\",\"type\":\"string\"}]}",
            Output(run),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Email = value.Customer.Contact.Email,",
            ChainOf(run),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ReplaceAndMask_OnStructArrayAndMapFields_InsertNextToThem()
    {
        var run = Run(
            Spec(
                "r,m,i",
                "\"transforms.r.type\": \"ReplaceField$Value\"",
                "\"transforms.r.renames\": \"customer:buyer\"",
                "\"transforms.r.exclude\": \"placed\"",
                "\"transforms.m.type\": \"MaskField$Value\"",
                "\"transforms.m.fields\": \"lines,attrs\"",
                "\"transforms.i.type\": \"InsertField$Value\"",
                "\"transforms.i.static.field\": \"shop\"",
                "\"transforms.i.static.value\": \"north\""
            )
        );

        Compiles(run);
        var output = Output(run);
        Assert.Contains(
            "{\"name\":\"buyer\",\"type\":{\"type\":\"record\",\"name\":\"Customer\"",
            output,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("\"placed\"", output, StringComparison.Ordinal);
        var chain = ChainOf(run);
        Assert.Contains(
            "Lines = global::System.Array.Empty<int>(),",
            chain,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Attrs = new global::System.Collections.Generic.Dictionary<string, string>(),",
            chain,
            StringComparison.Ordinal
        );
        Assert.Contains("Shop = \"north\",", chain, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, int, string> Refused =>
        new()
        {
            // name, spec, id, 1-based line, text the message must contain
            {
                "Flatten's default delimiter makes names Avro does not take",
                Spec("f", "\"transforms.f.type\": \"Flatten$Value\""),
                "KCN0258",
                6,
                "the flattened field \"customer.name\" is no Avro field name"
            },
            {
                "ExtractField of an array",
                Spec(
                    "x",
                    "\"transforms.x.type\": \"ExtractField$Value\"",
                    "\"transforms.x.field\": \"lines\""
                ),
                "KCN0258",
                7,
                "the field \"lines\" is an array or a map"
            },
            {
                "ExtractField through an optional struct",
                Spec(
                    "x",
                    "\"transforms.x.type\": \"ExtractField$Value\"",
                    "\"transforms.x.field\": \"customer.address\"",
                    "\"transforms.x.field.syntax.version\": \"V2\""
                ),
                "KCN0258",
                7,
                "the struct \"address\" on its path is optional"
            },
            {
                "TimestampConverter to string without a format",
                Spec(
                    "t",
                    "\"transforms.t.type\": \"TimestampConverter$Value\"",
                    "\"transforms.t.field\": \"paid_at\"",
                    "\"transforms.t.target.type\": \"string\""
                ),
                "KCN0258",
                6,
                "TimestampConverter requires format option to be specified when using string timestamps"
            },
        };

    [Theory]
    [MemberData(nameof(Refused))]
    public void WhatTheCompiledPathCannotOutput_IsKcn0258AtTheKey(
        string name,
        string spec,
        string id,
        int line,
        string fragment
    )
    {
        var run = Run(spec);

        var diagnostic = Assert.Single(
            run.Diagnostics,
            d => d.Id.StartsWith("KCN", StringComparison.Ordinal)
        );
        Assert.True(
            diagnostic.Id == id
                && diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1 == line
                && diagnostic.GetMessage().Contains(fragment, StringComparison.Ordinal),
            name
                + ": got "
                + diagnostic.Id
                + " at line "
                + (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1)
                + ": "
                + diagnostic.GetMessage()
        );
    }

    [Fact]
    public void CastOfAStructField_IsABuildErrorNamingTheField()
    {
        var run = Run(
            Spec(
                "c",
                "\"transforms.c.type\": \"Cast$Value\"",
                "\"transforms.c.spec\": \"customer:string\""
            )
        );

        var diagnostic = Assert.Single(
            run.Diagnostics,
            d => d.Id.StartsWith("KCN", StringComparison.Ordinal)
        );
        Assert.Equal("KCN0253", diagnostic.Id);
        Assert.Contains("\"customer\"", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(
            "does not cast from STRUCT",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }
}
