using System.Reflection;
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
            { "name": "tier", "type": { "type": "enum", "name": "Tier", "symbols": ["BASIC", "GOLD"] } } ] } },
          { "name": "lines", "type": { "type": "array", "items": { "type": "record", "name": "Line", "fields": [
            { "name": "sku", "type": "string" },
            { "name": "unit", "type": { "type": "enum", "name": "Unit", "symbols": ["EACH", "KG"] } },
            { "name": "price", "type": { "type": "bytes", "logicalType": "decimal", "precision": 8, "scale": 2 } } ] } } },
          { "name": "extras", "type": ["null", { "type": "map", "values": "Line" }], "default": null },
          { "name": "ref", "type": ["null", "string", "long", "Line"], "default": null } ] }
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

    private static string Spec(string aliases, params string[] keys) =>
        CompiledRun.Spec("orders", "Shop.Connectors.OrderSource", aliases, keys);

    private static GeneratorRun Run(string spec, string schema = Order) =>
        new GeneratorHarness()
            .AddSchema("order.avsc", schema)
            .AddSource(OrderSource)
            .AddSchema("orders.connector.json", spec)
            .Run();

    private static string Output(GeneratorRun run) => CompiledRun.Output(run);

    /// <summary>Compiles the run's code, runs the chain on an Order and returns the output record.</summary>
    private static object Apply(GeneratorRun run, Action<Assembly, object>? change = null)
    {
        var assembly = CompiledRun.Load(run);
        var order = New(assembly, "Shop.Orders.Order");
        var customer = New(assembly, "Shop.Orders.Customer");
        Set(customer, "Name", "Ada");
        Set(customer, "Tier", Symbol(assembly, "Shop.Orders.Tier", "GOLD"));
        Set(order, "Id", "o-1");
        Set(order, "Status", Symbol(assembly, "Shop.Orders.Status", "PAID"));
        Set(order, "Amount", 12.34m);
        Set(order, "Tag", new byte[] { 1, 2, 3, 4 });
        Set(order, "Customer", customer);
        Set(order, "Lines", Lines(assembly, Line(assembly, "A-1", "KG", 2.50m)));
        change?.Invoke(assembly, order);
        return CompiledRun.Apply(assembly, "OrdersValueChain", "orders", order);
    }

    private static object Line(Assembly assembly, string sku, string unit, decimal price)
    {
        var line = New(assembly, "Shop.Orders.Line");
        Set(line, "Sku", sku);
        Set(line, "Unit", Symbol(assembly, "Shop.Orders.Unit", unit));
        Set(line, "Price", price);
        return line;
    }

    private static Array Lines(Assembly assembly, params object[] lines)
    {
        var array = Array.CreateInstance(assembly.GetType("Shop.Orders.Line", true)!, lines.Length);
        lines.CopyTo(array, 0);
        return array;
    }

    /// <summary>Sets the order's extras to one line, "gift": G-9, EACH, 0.99.</summary>
    private static void GiftExtra(Assembly assembly, object order)
    {
        var map = (System.Collections.IDictionary)
            Activator.CreateInstance(
                typeof(Dictionary<,>).MakeGenericType(
                    typeof(string),
                    assembly.GetType("Shop.Orders.Line", true)!
                )
            )!;
        map["gift"] = Line(assembly, "G-9", "EACH", 0.99m);
        Set(order, "Extras", map);
    }

    /// <summary>An output Line's fields as "sku unit price".</summary>
    private static string Text(object line) =>
        Get(line, "Sku") + " " + Get(line, "Unit") + " " + Get(line, "Price");

    private static object New(Assembly assembly, string type) => CompiledRun.New(assembly, type);

    private static object Symbol(Assembly assembly, string type, string symbol) =>
        Enum.Parse(assembly.GetType(type, throwOnError: true)!, symbol);

    private static void Set(object record, string property, object? value) =>
        CompiledRun.Set(record, property, value);

    private static object? Get(object record, string property) => CompiledRun.Get(record, property);

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

    [Fact]
    public void ArraysAndMapsOfRecords_AreBuiltAnewItemByItem_AsAvroDataWritesArrayAndMapOfStruct()
    {
        var run = Run(
            Spec(
                "f,h",
                "\"transforms.f.type\": \"Flatten$Value\"",
                "\"transforms.f.delimiter\": \"_\"",
                "\"transforms.h.type\": \"HoistField$Value\"",
                "\"transforms.h.field\": \"order\""
            )
        );

        var output = Output(run);
        Assert.Contains(
            "{\"name\":\"lines\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"Line\",\"fields\":[{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"unit\",\"type\":{\"type\":\"string\",\"connect.parameters\":{\"io.confluent.connect.avro.Enum\":\"Shop.Orders.Unit\",",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "{\"name\":\"extras\",\"type\":[\"null\",{\"type\":\"map\",\"values\":\"",
            output,
            StringComparison.Ordinal
        );
        var order = Get(Apply(run), "Order")!;
        Assert.Equal(
            ["A-1 KG 2.50"],
            ((System.Collections.IEnumerable)Get(order, "Lines")!).Cast<object>().Select(Text)
        );
        Assert.Null(Get(order, "Extras"));

        var extras = Get(Apply(run, GiftExtra), "Order")!;
        var gift = ((System.Collections.IDictionary)Get(extras, "Extras")!)["gift"]!;
        Assert.Equal("G-9 EACH 0.99", Text(gift));
    }

    private static object Case(Assembly assembly, string name, object value) =>
        Activator.CreateInstance(
            assembly.GetType("Shop.Orders.Order+RefUnion+" + name, throwOnError: true)!,
            value
        )!;

    /// <summary>The output union's case as "Case value".</summary>
    private static string? CaseText(object? union) =>
        union is null
            ? null
            : union.GetType().Name
                + " "
                + (
                    Get(union, "Value") is { } v && v.GetType().Name == "Line"
                        ? Text(v)
                        : Get(union, "Value")
                );

    [Fact]
    public void AWiderUnion_IsTheOutputUnionsCaseOfTheBranchThatHoldsTheValue()
    {
        var run = Run(Spec("i", Insert, "\"transforms.i.static.field\": \"shop\""));

        Assert.Contains(
            "{\"name\":\"ref\",\"type\":[\"null\",\"string\",\"long\",",
            Output(run),
            StringComparison.Ordinal
        );
        Assert.Null(CaseText(Get(Apply(run), "Ref")));
        Assert.Equal(
            "String r-9",
            CaseText(Get(Apply(run, (a, o) => Set(o, "Ref", Case(a, "String", "r-9"))), "Ref"))
        );
        Assert.Equal(
            "Long 42",
            CaseText(Get(Apply(run, (a, o) => Set(o, "Ref", Case(a, "Long", 42L))), "Ref"))
        );
        Assert.Equal(
            "Line B-2 EACH 3.00",
            CaseText(
                Get(
                    Apply(
                        run,
                        (a, o) => Set(o, "Ref", Case(a, "Line", Line(a, "B-2", "EACH", 3.00m)))
                    ),
                    "Ref"
                )
            )
        );
    }

    [Fact]
    public void FlattenOfAWiderUnion_GivesOneOptionalFieldPerBranch_AsConnectsFlattenOfTheUnionStruct()
    {
        var run = Run(
            Spec(
                "f",
                "\"transforms.f.type\": \"Flatten$Value\"",
                "\"transforms.f.delimiter\": \"_\""
            )
        );

        var output = Output(run);
        foreach (
            var field in new[]
            {
                "{\"name\":\"ref_string\",\"type\":[\"null\",\"string\"],\"default\":null}",
                "{\"name\":\"ref_long\",\"type\":[\"null\",\"long\"],\"default\":null}",
                "{\"name\":\"ref_Line_sku\",\"type\":[\"null\",\"string\"],\"default\":null}",
                "{\"name\":\"ref_Line_price\",\"type\":[\"null\",{\"type\":\"bytes\",\"scale\":2,\"precision\":8,",
            }
        )
        {
            Assert.Contains(field, output, StringComparison.Ordinal);
        }
        var line = Apply(
            run,
            (a, o) => Set(o, "Ref", Case(a, "Line", Line(a, "B-2", "KG", 3.00m)))
        );
        Assert.Null(Get(line, "RefString"));
        Assert.Null(Get(line, "RefLong"));
        Assert.Equal("B-2", Get(line, "RefLineSku"));
        Assert.Equal("KG", Get(line, "RefLineUnit"));
        Assert.Equal(3.00m, Get(line, "RefLinePrice"));
        var number = Apply(run, (a, o) => Set(o, "Ref", Case(a, "Long", 7L)));
        Assert.Equal(7L, Get(number, "RefLong"));
        Assert.Null(Get(number, "RefLineSku"));
    }

    [Fact]
    public void ExtractFieldOfAWiderUnion_IsKcn0258AtTheFieldLine()
    {
        var run = Run(
            Spec(
                "x",
                "\"transforms.x.type\": \"ExtractField$Value\"",
                "\"transforms.x.field\": \"ref\""
            )
        );

        CompiledRun.Reported(run, "KCN0258", 7, "is a union");
    }

    [Fact]
    public void MaskField_OfAnArrayOrMapOfRecords_EmptiesIt_AsConnectsMaskFieldOfAListOrMap()
    {
        var run = Run(
            Spec(
                "m",
                "\"transforms.m.type\": \"MaskField$Value\"",
                "\"transforms.m.fields\": \"lines,extras\""
            )
        );

        Assert.Contains(
            "{\"name\":\"lines\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"Line\",",
            Output(run),
            StringComparison.Ordinal
        );
        var record = Apply(run);
        Assert.Empty((System.Collections.IEnumerable)Get(record, "Lines")!);
        Assert.Null(Get(record, "Extras"));
        var present = Apply(run, GiftExtra);
        Assert.Empty((System.Collections.IEnumerable)Get(present, "Extras")!);
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

        CompiledRun.Reported(run, "KCN0256", 7, fragment);
    }

    [Theory]
    [InlineData(
        "{ \"name\": \"wides\", \"type\": { \"type\": \"array\", \"items\": { \"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 30, \"scale\": 2 } } }",
        "the value's field \"wides\" is of type array"
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

        CompiledRun.Reported(run, "KCN0258", 6, fragment);
    }

    private const string Wide =
        "{ \"name\": \"wide\", \"type\": [\"null\", { \"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 30, \"scale\": 4 }], \"default\": null }";

    [Fact]
    public void ADecimalWiderThanCSharps_IsCarriedAsItsAvroDecimal_AsAvroDataWritesIt()
    {
        var run = Run(
            Spec(
                "r",
                "\"transforms.r.type\": \"ReplaceField$Value\"",
                "\"transforms.r.renames\": \"wide:big\""
            ),
            Order.Replace(Id, Id + " " + Wide + ",", StringComparison.Ordinal)
        );

        Assert.Contains(
            "{\"name\":\"big\",\"type\":[\"null\",{\"type\":\"bytes\",\"scale\":4,\"precision\":30,\"connect.version\":1,\"connect.parameters\":{\"scale\":\"4\",\"connect.decimal.precision\":\"30\"},\"connect.name\":\"org.apache.kafka.connect.data.Decimal\",\"logicalType\":\"decimal\"}],\"default\":null}",
            Output(run),
            StringComparison.Ordinal
        );
        var value = new KConnector.Avro.AvroDecimal(
            System.Numerics.BigInteger.Parse(
                "123456789012345678901234567890",
                System.Globalization.CultureInfo.InvariantCulture
            ),
            4
        );
        Assert.Equal(value, Get(Apply(run, (_, o) => Set(o, "Wide", value)), "Big"));
        Assert.Null(Get(Apply(run), "Big"));
    }

    [Theory]
    [InlineData("Cast$Value", "spec", "wide:string", "but Cast does not compute on")]
    [InlineData("MaskField$Value", "fields", "wide", "but MaskField does not compute on")]
    public void AStageComputingOnAWideDecimal_IsKcn0258AtItsKey(
        string type,
        string key,
        string value,
        string fragment
    )
    {
        var keys = new List<string>
        {
            "\"transforms.c.type\": \"" + type + "\"",
            "\"transforms.c." + key + "\": \"" + value + "\"",
        };
        if (key == "fields")
        {
            keys.Add("\"transforms.c.replacement\": \"0.0000\"");
        }
        var run = Run(
            Spec("c", keys.ToArray()),
            Order.Replace(Id, Id + " " + Wide + ",", StringComparison.Ordinal)
        );

        CompiledRun.Reported(run, "KCN0258", 7, fragment);
    }
}
