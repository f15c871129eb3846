using System.Reflection;
using System.Runtime.Loader;
using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// The Avro types Connect has no type of its own for, through a compiled chain as Kafka Connect
/// sees them through Confluent's AvroData (docs/transforms.md, "Compiled at build time"): an enum
/// is a STRING with its name and symbols as parameters (read as its symbol, written back as a
/// string with <c>connect.parameters</c>), a decimal is Connect's Decimal (written back as bytes with
/// its scale and precision), a fixed is a named BYTES (written back as the fixed). Each
/// transformation that touches them does what Connect's does; what Connect's converter can only
/// fail on is refused at the spec's line. The generated code is compiled, loaded and run.
/// </summary>
public class CompiledAvroTypesTests
{
    private const string Order = """
        { "type": "record", "name": "Order", "namespace": "Shop.Orders", "fields": [
          { "name": "id", "type": "string" },
          { "name": "status", "type": { "type": "enum", "name": "Status", "doc": "Lifecycle", "symbols": ["NEW", "PAID", "SHIPPED"], "default": "NEW" } },
          { "name": "priority", "type": ["null", { "type": "enum", "name": "Priority", "symbols": ["LOW", "HIGH"] }], "default": null },
          { "name": "amount", "type": { "type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2 } },
          { "name": "discount", "type": ["null", { "type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 3 }], "default": null },
          { "name": "tag", "type": { "type": "fixed", "name": "Tag", "size": 4 } },
          { "name": "customer", "type": { "type": "record", "name": "Customer", "fields": [
            { "name": "name", "type": "string" },
            { "name": "tier", "type": { "type": "enum", "name": "Tier", "symbols": ["BASIC", "GOLD"] } } ] } } ] }
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

    private const string StatusParameters =
        "{\"io.confluent.connect.avro.enum.doc.Status\":\"Lifecycle\",\"io.confluent.connect.avro.enum.default.Status\":\"NEW\",\"io.confluent.connect.avro.Enum\":\"Shop.Orders.Status\",\"io.confluent.connect.avro.Enum.NEW\":\"NEW\",\"io.confluent.connect.avro.Enum.PAID\":\"PAID\",\"io.confluent.connect.avro.Enum.SHIPPED\":\"SHIPPED\"}";

    /// <summary>A spec of OrderSource with its transforms from line 5 on: each alias's type on line 6, its next key on line 7.</summary>
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

    private static GeneratorRun Run(string spec, string schema = Order) =>
        new GeneratorHarness()
            .AddSchema("order.avsc", schema)
            .AddSource(OrderSource)
            .AddSchema("orders.connector.json", spec)
            .Run();

    private static string Output(GeneratorRun run) =>
        run.Source(
                run.HintNames.Single(h => h.EndsWith(".ValueOutput.g.cs", StringComparison.Ordinal))
            )
            .Replace("\\", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>Compiles the run's code, runs the chain on an Order and returns the output record.</summary>
    private static object Apply(GeneratorRun run, Action<Assembly, object>? change = null)
    {
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var assembly = new AssemblyLoadContext(
            "kconnector-avrotypes",
            isCollectible: true
        ).LoadFromStream(image);
        var order = New(assembly, "Shop.Orders.Order");
        var customer = New(assembly, "Shop.Orders.Customer");
        Set(customer, "Name", "Ada");
        Set(customer, "Tier", Symbol(assembly, "Shop.Orders.Tier", "GOLD"));
        Set(order, "Id", "o-1");
        Set(order, "Status", Symbol(assembly, "Shop.Orders.Status", "PAID"));
        Set(order, "Amount", 12.34m);
        Set(order, "Tag", new byte[] { 1, 2, 3, 4 });
        Set(order, "Customer", customer);
        change?.Invoke(assembly, order);
        var chain = assembly.GetTypes().Single(t => t.Name == "OrdersValueChain");
        return chain
            .GetMethod("Apply", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, ["orders", order])!;
    }

    private static object New(Assembly assembly, string type) =>
        Activator.CreateInstance(assembly.GetType(type, throwOnError: true)!)!;

    private static object Symbol(Assembly assembly, string type, string symbol) =>
        Enum.Parse(assembly.GetType(type, throwOnError: true)!, symbol);

    private static void Set(object record, string property, object? value) =>
        record.GetType().GetProperty(property)!.SetValue(record, value);

    private static object? Get(object record, string property) =>
        record.GetType().GetProperty(property)!.GetValue(record);

    private const string Id = "{ \"name\": \"id\", \"type\": \"string\" },";

    private const string Insert =
        "\"transforms.i.type\": \"org.apache.kafka.connect.transforms.InsertField$Value\"";

    [Fact]
    public void EnumDecimalAndFixed_AreWhatAvroDataWritesForConnectsStringDecimalAndNamedBytes()
    {
        var run = Run(Spec("i", Insert, "\"transforms.i.static.field\": \"shop\""));

        var output = Output(run);
        foreach (
            var field in new[]
            {
                "{\"name\":\"status\",\"type\":{\"type\":\"string\",\"connect.parameters\":"
                    + StatusParameters
                    + ",\"connect.name\":\"Shop.Orders.Status\"}}",
                "{\"name\":\"priority\",\"type\":[\"null\",{\"type\":\"string\",\"connect.parameters\":{\"io.confluent.connect.avro.Enum\":\"Shop.Orders.Priority\",\"io.confluent.connect.avro.Enum.LOW\":\"LOW\",\"io.confluent.connect.avro.Enum.HIGH\":\"HIGH\"},\"connect.name\":\"Shop.Orders.Priority\"}],\"default\":null}",
                "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"scale\":2,\"precision\":10,\"connect.version\":1,\"connect.parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"10\"},\"connect.name\":\"org.apache.kafka.connect.data.Decimal\",\"logicalType\":\"decimal\"}}",
                "{\"name\":\"discount\",\"type\":[\"null\",{\"type\":\"bytes\",\"scale\":3,\"precision\":6,",
                "{\"name\":\"tag\",\"type\":{\"type\":\"fixed\",\"name\":\"Tag\",\"size\":4,\"connect.parameters\":{\"connect.fixed.size\":\"4\"},\"connect.name\":\"Shop.Orders.Tag\"}}",
                "{\"name\":\"tier\",\"type\":{\"type\":\"string\",\"connect.parameters\":{\"io.confluent.connect.avro.Enum\":\"Shop.Orders.Tier\",",
            }
        )
        {
            Assert.Contains(field, output, StringComparison.Ordinal);
        }
        var record = Apply(run);
        Assert.Equal("PAID", Get(record, "Status"));
        Assert.Null(Get(record, "Priority"));
        Assert.Equal(12.34m, Get(record, "Amount"));
        Assert.Null(Get(record, "Discount"));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, Get(record, "Tag"));
        Assert.Equal("GOLD", Get(Get(record, "Customer")!, "Tier"));

        var present = Apply(
            run,
            (assembly, o) =>
            {
                Set(o, "Priority", Symbol(assembly, "Shop.Orders.Priority", "HIGH"));
                Set(o, "Discount", 0.125m);
            }
        );
        Assert.Equal("HIGH", Get(present, "Priority"));
        Assert.Equal(0.125m, Get(present, "Discount"));
    }

    [Fact]
    public void ReplaceFieldAndFlatten_CarryTheParameters_AsConnectCopiesTheFieldSchema()
    {
        var run = Run(
            Spec(
                "r,f",
                "\"transforms.r.type\": \"ReplaceField$Value\"",
                "\"transforms.r.renames\": \"status:state,amount:total\"",
                "\"transforms.f.type\": \"Flatten$Value\"",
                "\"transforms.f.delimiter\": \"_\""
            )
        );

        var output = Output(run);
        Assert.Contains(
            "{\"name\":\"state\",\"type\":{\"type\":\"string\",\"connect.parameters\":"
                + StatusParameters,
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "{\"name\":\"total\",\"type\":{\"type\":\"bytes\",\"scale\":2,",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "{\"name\":\"customer_tier\",\"type\":{\"type\":\"string\",\"connect.parameters\":{\"io.confluent.connect.avro.Enum\":\"Shop.Orders.Tier\",",
            output,
            StringComparison.Ordinal
        );
        var record = Apply(run);
        Assert.Equal("PAID", Get(record, "State"));
        Assert.Equal(12.34m, Get(record, "Total"));
        Assert.Equal("GOLD", Get(record, "CustomerTier"));
    }

    public static TheoryData<string, string, string, object> Casts =>
        new()
        {
            // spec, output property, output Avro field, expected value (amount 12.34, status PAID)
            { "amount:string", "Amount", "{\"name\":\"amount\",\"type\":\"string\"}", "12.34" },
            { "amount:int32", "Amount", "{\"name\":\"amount\",\"type\":\"int\"}", 12 },
            { "amount:int64", "Amount", "{\"name\":\"amount\",\"type\":\"long\"}", 12L },
            { "amount:float64", "Amount", "{\"name\":\"amount\",\"type\":\"double\"}", 12.34d },
            { "amount:float32", "Amount", "{\"name\":\"amount\",\"type\":\"float\"}", 12.34f },
            { "amount:boolean", "Amount", "{\"name\":\"amount\",\"type\":\"boolean\"}", true },
            { "status:string", "Status", "{\"name\":\"status\",\"type\":\"string\"}", "PAID" },
            { "tag:string", "Tag", "{\"name\":\"tag\",\"type\":\"string\"}", "AQIDBA==" },
        };

    [Theory]
    [MemberData(nameof(Casts))]
    public void CastOfADecimalEnumOrFixed_AsConnectsCast_DropsTheParameters(
        string spec,
        string property,
        string avroField,
        object expected
    )
    {
        var run = Run(
            Spec(
                "c",
                "\"transforms.c.type\": \"Cast$Value\"",
                "\"transforms.c.spec\": \"" + spec + "\""
            )
        );

        Assert.Contains(avroField, Output(run), StringComparison.Ordinal);
        Assert.Equal(expected, Get(Apply(run), property));
    }

    [Theory]
    [InlineData(0.5, "0.50", false, 0)]
    [InlineData(-7.25, "-7.25", true, -7)]
    [InlineData(0, "0.00", false, 0)]
    public void CastOfADecimal_KeepsItsScaleInText_AndTruncatesToNumbers(
        double amount,
        string text,
        bool flag,
        int whole
    )
    {
        var value = decimal.Round((decimal)amount, 2) + 0.00m;
        var run = Run(
            Spec(
                "c",
                "\"transforms.c.type\": \"Cast$Value\"",
                "\"transforms.c.spec\": \"amount:string,discount:int32\""
            )
        );

        var record = Apply(
            run,
            (_, o) =>
            {
                Set(o, "Amount", value);
                Set(o, "Discount", value);
            }
        );

        Assert.Equal(text, Get(record, "Amount"));
        Assert.Equal(whole, Get(record, "Discount"));
        var flags = Run(
            Spec(
                "c",
                "\"transforms.c.type\": \"Cast$Value\"",
                "\"transforms.c.spec\": \"amount:boolean\""
            )
        );
        Assert.Equal(flag, Get(Apply(flags, (_, o) => Set(o, "Amount", value)), "Amount"));
    }

    [Fact]
    public void MaskField_OfAnEnumIsTheEmptyString_OfADecimalTheReplacementOfItsScale()
    {
        var run = Run(
            Spec(
                "m,n",
                "\"transforms.m.type\": \"MaskField$Value\"",
                "\"transforms.m.fields\": \"status,priority\"",
                "\"transforms.n.type\": \"MaskField$Value\"",
                "\"transforms.n.fields\": \"amount\"",
                "\"transforms.n.replacement\": \"0.00\""
            )
        );

        // The schema is unchanged: Connect's MaskField keeps the field's schema, parameters too.
        Assert.Contains(
            "{\"name\":\"status\",\"type\":{\"type\":\"string\",\"connect.parameters\":"
                + StatusParameters,
            Output(run),
            StringComparison.Ordinal
        );
        var record = Apply(
            run,
            (assembly, o) => Set(o, "Priority", Symbol(assembly, "Shop.Orders.Priority", "LOW"))
        );
        Assert.Equal(string.Empty, Get(record, "Status"));
        Assert.Equal(string.Empty, Get(record, "Priority"));
        Assert.Equal(0.00m, Get(record, "Amount"));
        Assert.Null(Get(Apply(run), "Priority"));
    }

    public static TheoryData<string, string, string> MasksTheConverterFails =>
        new()
        {
            // fields, replacement (empty: none), text the message must contain
            {
                "amount",
                "",
                "Kafka Connect masks it to BigDecimal.ZERO of scale 0, not the Decimal's 2, and Confluent's AvroConverter then fails every record (\"BigDecimal has mismatching scale value for given Decimal schema\"); give a replacement of that scale"
            },
            { "amount", "1.5", "new BigDecimal(\"1.5\") of scale 1, not the Decimal's 2" },
            { "discount", "1E+2", "new BigDecimal(\"1E+2\") of scale -2, not the Decimal's 3" },
            {
                "tag",
                "",
                "Kafka Connect masks bytes to empty bytes, and Confluent's AvroConverter then fails every record writing them as the fixed Shop.Orders.Tag of size 4"
            },
        };

    [Theory]
    [MemberData(nameof(MasksTheConverterFails))]
    public void MaskField_ThatConnectsConverterFailsOnEveryRecord_IsKcn0256AtTheFieldsLine(
        string fields,
        string replacement,
        string fragment
    )
    {
        var keys = new List<string>
        {
            "\"transforms.m.type\": \"MaskField$Value\"",
            "\"transforms.m.fields\": \"" + fields + "\"",
        };
        if (replacement.Length > 0)
        {
            keys.Add("\"transforms.m.replacement\": \"" + replacement + "\"");
        }

        var run = Run(Spec("m", keys.ToArray()));

        var diagnostic = Assert.Single(
            run.Diagnostics,
            d => d.Id.StartsWith("KCN", StringComparison.Ordinal)
        );
        Assert.Equal("KCN0256", diagnostic.Id);
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(fragment, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "{ \"name\": \"wide\", \"type\": { \"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 30, \"scale\": 2 } }",
        "the value's field \"wide\" is of type Decimal of precision 30"
    )]
    [InlineData(
        "{ \"name\": \"price\", \"type\": { \"type\": \"fixed\", \"name\": \"Price\", \"size\": 8, \"logicalType\": \"decimal\", \"precision\": 12, \"scale\": 2 } }",
        "the value's field \"price\""
    )]
    public void ADecimalTheChainDoesNotCarry_IsKcn0258AtTheTransformsLine(
        string field,
        string fragment
    )
    {
        var run = Run(
            Spec("i", Insert, "\"transforms.i.static.field\": \"shop\""),
            Order.Replace(Id, Id + " " + field + ",", StringComparison.Ordinal)
        );

        var diagnostic = Assert.Single(
            run.Diagnostics,
            d => d.Id.StartsWith("KCN", StringComparison.Ordinal)
        );
        Assert.Equal("KCN0258", diagnostic.Id);
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(fragment, diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
