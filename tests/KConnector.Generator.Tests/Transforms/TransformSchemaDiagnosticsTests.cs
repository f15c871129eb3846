using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// The corpus of transformation chains that cannot apply to the spec's schemas (KCN0251-KCN0256):
/// each is reported at the line of the key that names the field, with the transformation, the
/// field, the schema it was looked for in and what to do; and a chain that applies reports none.
/// </summary>
public class TransformSchemaDiagnosticsTests
{
    /// <summary>A file sink spec of Payment values (string keys) with <paramref name="extra"/> from line 8 on.</summary>
    private static string Spec(params string[] extra) =>
        "{\n"
        + "  \"name\": \"payments-sink\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \"FileStreamSink\",\n"
        + "    \"topics\": \"payments\",\n"
        + "    \"file\": \"out.jsonl\",\n"
        + "    \"value.schema\": \"payment.avsc\""
        + string.Concat(extra.Select(e => ",\n    " + e))
        + "\n  }\n}\n";

    private static string Chain(string aliases, params string[] keys) =>
        Spec(new[] { "\"transforms\": \"" + aliases + "\"" }.Concat(keys).ToArray());

    public static TheoryData<string, string, string, int, string> Cases =>
        new()
        {
            // name, spec, id, 1-based line, text the message must contain
            {
                "renamed field missing, with did-you-mean",
                Chain(
                    "r",
                    "\"transforms.r.type\": \"ReplaceField$Value\"",
                    "\"transforms.r.renames\": \"amout:total\""
                ),
                "KCN0251",
                10,
                "\"ReplaceField$Value\" names the field \"amout\", which the value Shop.Payments.Payment does not have (its fields: id, amount, card, cvv, captured, customer, customer_name, paid_at, receipt, tags, status, note). Did you mean \"amount\"?"
            },
            {
                "excluded field missing",
                Chain(
                    "r",
                    "\"transforms.r.type\": \"org.apache.kafka.connect.transforms.ReplaceField$Value\"",
                    "\"transforms.r.exclude\": \"cvv,crd\""
                ),
                "KCN0251",
                10,
                "names the field \"crd\""
            },
            {
                "included field missing (deprecated whitelist)",
                Chain(
                    "r",
                    "\"transforms.r.type\": \"ReplaceField$Value\"",
                    "\"transforms.r.whitelist\": \"id,amont\""
                ),
                "KCN0251",
                10,
                "Did you mean \"amount\"?"
            },
            {
                "masked field missing",
                Chain(
                    "m",
                    "\"transforms.m.type\": \"MaskField$Value\"",
                    "\"transforms.m.fields\": \"cvc\""
                ),
                "KCN0251",
                10,
                "Did you mean \"cvv\"?"
            },
            {
                "extracted field missing",
                Chain(
                    "x",
                    "\"transforms.x.type\": \"ExtractField$Value\"",
                    "\"transforms.x.field\": \"customr\""
                ),
                "KCN0251",
                10,
                "Did you mean \"customer\"?"
            },
            {
                "V2 path into a nested record, inner field missing",
                Chain(
                    "x",
                    "\"transforms.x.type\": \"ExtractField$Value\"",
                    "\"transforms.x.field\": \"customer.mail\"",
                    "\"transforms.x.field.syntax.version\": \"V2\""
                ),
                "KCN0251",
                10,
                "\"mail\", which the struct \"customer\" of the value Shop.Payments.Payment does not have (its fields: name, email). Did you mean \"email\"?"
            },
            {
                "cast field missing",
                Chain(
                    "c",
                    "\"transforms.c.type\": \"Cast$Value\"",
                    "\"transforms.c.spec\": \"amount:float32,cv:string\""
                ),
                "KCN0251",
                10,
                "names the field \"cv\""
            },
            {
                "ValueToKey field missing",
                Chain(
                    "k",
                    "\"transforms.k.type\": \"ValueToKey\"",
                    "\"transforms.k.fields\": \"ids\""
                ),
                "KCN0251",
                10,
                "Did you mean \"id\"?"
            },
            {
                "HeaderFrom field missing",
                Chain(
                    "h",
                    "\"transforms.h.type\": \"HeaderFrom$Value\"",
                    "\"transforms.h.fields\": \"stat\"",
                    "\"transforms.h.headers\": \"status\"",
                    "\"transforms.h.operation\": \"copy\""
                ),
                "KCN0251",
                10,
                "Did you mean \"status\"?"
            },
            {
                "a field renamed by an earlier stage is gone for the next one",
                Chain(
                    "r,m",
                    "\"transforms.r.type\": \"ReplaceField$Value\"",
                    "\"transforms.r.renames\": \"card:pan\"",
                    "\"transforms.m.type\": \"MaskField$Value\"",
                    "\"transforms.m.fields\": \"card\""
                ),
                "KCN0251",
                12,
                "which the value after \"r\" does not have (its fields: id, amount, pan,"
            },
            {
                "extract from what HoistField built",
                Chain(
                    "h,x",
                    "\"transforms.h.type\": \"HoistField$Value\"",
                    "\"transforms.h.field\": \"payload\"",
                    "\"transforms.x.type\": \"ExtractField$Value\"",
                    "\"transforms.x.field\": \"payloads\""
                ),
                "KCN0251",
                12,
                "(its fields: payload). Did you mean \"payload\"?"
            },
            {
                "ExtractField on the string key",
                Chain(
                    "x",
                    "\"transforms.x.type\": \"ExtractField$Key\"",
                    "\"transforms.x.field\": \"id\""
                ),
                "KCN0252",
                9,
                "\"ExtractField$Key\" needs a record (a Connect struct), and the key is string: Kafka Connect fails every record with \"Only Struct objects supported for [field extraction]\""
            },
            {
                "Flatten on the string key",
                Chain("f", "\"transforms.f.type\": \"Flatten$Key\""),
                "KCN0252",
                9,
                "[flattening]"
            },
            {
                "ReplaceField on a value ExtractField made a string",
                Chain(
                    "x,r",
                    "\"transforms.x.type\": \"ExtractField$Value\"",
                    "\"transforms.x.field\": \"card\"",
                    "\"transforms.r.type\": \"ReplaceField$Value\"",
                    "\"transforms.r.exclude\": \"card\""
                ),
                "KCN0252",
                11,
                "and the value after \"x\" is string"
            },
            {
                "Cast of a struct field",
                Chain(
                    "c",
                    "\"transforms.c.type\": \"Cast$Value\"",
                    "\"transforms.c.spec\": \"customer:string\""
                ),
                "KCN0253",
                10,
                "casts the field \"customer\" of type struct Shop.Payments.Customer to string: Kafka Connect's Cast does not cast from STRUCT"
            },
            {
                "Cast of bytes to a number",
                Chain(
                    "c",
                    "\"transforms.c.type\": \"Cast$Value\"",
                    "\"transforms.c.spec\": \"receipt:int32\""
                ),
                "KCN0253",
                10,
                "casts bytes to string only"
            },
            {
                "Cast of an array",
                Chain(
                    "c",
                    "\"transforms.c.type\": \"Cast$Value\"",
                    "\"transforms.c.spec\": \"tags:string\""
                ),
                "KCN0253",
                10,
                "does not cast from ARRAY"
            },
            {
                "Cast to a type Connect has not",
                Chain(
                    "c",
                    "\"transforms.c.type\": \"Cast$Value\"",
                    "\"transforms.c.spec\": \"cvv:int9\""
                ),
                "KCN0253",
                10,
                "to \"int9\": Kafka Connect's Cast casts to int8, int16, int32, int64, float32, float64, boolean, string only"
            },
            {
                "Cast of the whole value, a record",
                Chain(
                    "c",
                    "\"transforms.c.type\": \"Cast$Value\"",
                    "\"transforms.c.spec\": \"string\""
                ),
                "KCN0253",
                10,
                "casts the value Shop.Payments.Payment of type struct Shop.Payments.Payment to string"
            },
            {
                "TimestampConverter on a double",
                Chain(
                    "t",
                    "\"transforms.t.type\": \"TimestampConverter$Value\"",
                    "\"transforms.t.field\": \"amount\"",
                    "\"transforms.t.target.type\": \"string\"",
                    "\"transforms.t.format\": \"yyyy-MM-dd\""
                ),
                "KCN0254",
                10,
                "converts the field \"amount\" of type float64, which is not a timestamp"
            },
            {
                "TimestampConverter on a missing field",
                Chain(
                    "t",
                    "\"transforms.t.type\": \"TimestampConverter$Value\"",
                    "\"transforms.t.field\": \"paidat\"",
                    "\"transforms.t.target.type\": \"unix\""
                ),
                "KCN0251",
                10,
                "Did you mean \"paid_at\"?"
            },
            {
                "TimestampConverter on the whole record",
                Chain(
                    "t",
                    "\"transforms.t.type\": \"TimestampConverter$Value\"",
                    "\"transforms.t.target.type\": \"unix\""
                ),
                "KCN0254",
                9,
                "converts the value Shop.Payments.Payment of type struct Shop.Payments.Payment"
            },
            {
                "InsertField over an existing field",
                Chain(
                    "i",
                    "\"transforms.i.type\": \"InsertField$Value\"",
                    "\"transforms.i.static.field\": \"status\"",
                    "\"transforms.i.static.value\": \"x\""
                ),
                "KCN0255",
                10,
                "adds the field \"status\", which the value Shop.Payments.Payment already has"
            },
            {
                "rename onto a field that stays",
                Chain(
                    "r",
                    "\"transforms.r.type\": \"ReplaceField$Value\"",
                    "\"transforms.r.renames\": \"card:id\""
                ),
                "KCN0255",
                10,
                "field name duplication id"
            },
            {
                "Flatten onto an existing name",
                Chain(
                    "f",
                    "\"transforms.f.type\": \"Flatten$Value\"",
                    "\"transforms.f.delimiter\": \"_\""
                ),
                "KCN0255",
                10,
                "adds the field \"customer_name\""
            },
            {
                "mask a struct",
                Chain(
                    "m",
                    "\"transforms.m.type\": \"MaskField$Value\"",
                    "\"transforms.m.fields\": \"customer\""
                ),
                "KCN0256",
                10,
                "masks the field \"customer\" of type struct Shop.Payments.Customer: Kafka Connect masks primitive values, arrays and maps, not a struct"
            },
            {
                "mask with a replacement that is not the field's number",
                Chain(
                    "m",
                    "\"transforms.m.type\": \"MaskField$Value\"",
                    "\"transforms.m.fields\": \"cvv\"",
                    "\"transforms.m.replacement\": \"***\""
                ),
                "KCN0256",
                10,
                "the replacement \"***\" is not a int32"
            },
            {
                "mask a boolean with a replacement",
                Chain(
                    "m",
                    "\"transforms.m.type\": \"MaskField$Value\"",
                    "\"transforms.m.fields\": \"captured\"",
                    "\"transforms.m.replacement\": \"no\""
                ),
                "KCN0256",
                10,
                "a replacement masks numbers and strings only"
            },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ChainThatCannotApply_IsReportedAtTheKeysLine(
        string name,
        string spec,
        string id,
        int line,
        string fragment
    )
    {
        var run = new GeneratorHarness()
            .AddSchema("payment.avsc", TransformSchemas.Payment)
            .AddSchema("bad.connector.json", spec)
            .Run();

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        var found = run
            .Diagnostics.Where(d =>
                d.Id == id && d.Location.GetLineSpan().StartLinePosition.Line + 1 == line
            )
            .ToList();
        var diagnostic = Assert.Single(
            found,
            d => d.GetMessage().Contains(fragment, StringComparison.Ordinal)
        );
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith(
            $"bad.connector.json, line {line}, at $.config['transforms.",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.True(
            run.Diagnostics.Count(d =>
                d.Id is "KCN0251" or "KCN0252" or "KCN0253" or "KCN0254" or "KCN0255" or "KCN0256"
            ) == 1,
            name
                + ": one chain error expected, got "
                + string.Join(" | ", run.Diagnostics.Select(d => d.Id + " " + d.GetMessage()))
        );
    }

    [Fact]
    public void JsonSchemaValue_IsCheckedToo()
    {
        var spec = Chain(
                "m",
                "\"transforms.m.type\": \"MaskField$Value\"",
                "\"transforms.m.fields\": \"amout\""
            )
            .Replace("payment.avsc", "invoice.schema.json", StringComparison.Ordinal);
        var run = new GeneratorHarness()
            .AddSchema("invoice.schema.json", TransformSchemas.Invoice)
            .AddSchema("bad.connector.json", spec)
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "KCN0251");
        Assert.Contains(
            "(its fields: invoice_id, amount, issued). Did you mean \"amount\"?",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ChainThatApplies_ReportsNoSchemaError()
    {
        var spec = Chain(
            "insert,rename,cast,stamp,route,flat,key,mask",
            "\"transforms.insert.type\": \"InsertField$Value\"",
            "\"transforms.insert.static.field\": \"source\"",
            "\"transforms.insert.static.value\": \"shop\"",
            "\"transforms.insert.timestamp.field\": \"ingested_at!\"",
            "\"transforms.rename.type\": \"ReplaceField$Value\"",
            "\"transforms.rename.renames\": \"card:pan,cvv:code\"",
            "\"transforms.rename.exclude\": \"receipt\"",
            "\"transforms.cast.type\": \"Cast$Value\"",
            "\"transforms.cast.spec\": \"amount:string,code:string,paid_at:string,captured:int8\"",
            "\"transforms.stamp.type\": \"TimestampConverter$Value\"",
            "\"transforms.stamp.field\": \"ingested_at\"",
            "\"transforms.stamp.target.type\": \"string\"",
            "\"transforms.stamp.format\": \"yyyy-MM-dd\"",
            "\"transforms.route.type\": \"TimestampRouter\"",
            "\"transforms.flat.type\": \"Flatten$Value\"",
            "\"transforms.key.type\": \"ValueToKey\"",
            "\"transforms.key.fields\": \"id,customer.name\"",
            "\"transforms.mask.type\": \"MaskField$Value\"",
            "\"transforms.mask.fields\": \"pan,customer.email\"",
            "\"transforms.mask.replacement\": \"****\""
        );
        var run = new GeneratorHarness()
            .AddSchema("payment.avsc", TransformSchemas.Payment)
            .AddSchema("ok.connector.json", spec)
            .Run();

        Assert.DoesNotContain(
            run.Diagnostics,
            d => d.Id is "KCN0251" or "KCN0252" or "KCN0253" or "KCN0254" or "KCN0255" or "KCN0256"
        );
    }

    [Fact]
    public void SpecOfAnAttributeSink_IsCheckedAgainstItsValueType()
    {
        var spec =
            "{\n  \"name\": \"audit\",\n  \"config\": {\n"
            + "    \"connector.class\": \"Shop.Connectors.AuditSink\",\n"
            + "    \"audit.token\": \"t\",\n"
            + "    \"transforms\": \"mask\",\n"
            + "    \"transforms.mask.type\": \"MaskField$Value\",\n"
            + "    \"transforms.mask.fields\": \"ordr_id\"\n  }\n}\n";
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSource(KConnector.Generator.Tests.Connectors.ConnectorTexts.AttributeSink)
            .AddSchema("audit.connector.json", spec)
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "KCN0251");
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(
            "which the value Shop.Orders.Order does not have",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Did you mean \"order_id\"?",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void OffsetFieldInASourceChain_IsReported_AndInASinkChainIsNot()
    {
        var source =
            "{\n  \"name\": \"lines\",\n  \"config\": {\n"
            + "    \"connector.class\": \"FileStreamSource\",\n"
            + "    \"file\": \"in.txt\",\n"
            + "    \"topic\": \"lines\",\n"
            + "    \"transforms\": \"hoist,offset\",\n"
            + "    \"transforms.hoist.type\": \"HoistField$Value\",\n"
            + "    \"transforms.hoist.field\": \"line\",\n"
            + "    \"transforms.offset.type\": \"InsertField$Value\",\n"
            + "    \"transforms.offset.offset.field\": \"position\"\n  }\n}\n";
        var sink = Chain(
            "offset",
            "\"transforms.offset.type\": \"InsertField$Value\"",
            "\"transforms.offset.offset.field\": \"position\""
        );

        var sourceRun = new GeneratorHarness().AddSchema("lines.connector.json", source).Run();
        var sinkRun = new GeneratorHarness()
            .AddSchema("payment.avsc", TransformSchemas.Payment)
            .AddSchema("ok.connector.json", sink)
            .Run();

        var diagnostic = Assert.Single(sourceRun.Diagnostics, d => d.Id == "KCN0257");
        Assert.Equal(11, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(
            "Only SinkRecord supported for [field insertion]",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(sourceRun.Diagnostics, d => d.Id is "KCN0251" or "KCN0252");
        Assert.DoesNotContain(
            sinkRun.Diagnostics,
            d => d.Id is "KCN0257" or "KCN0251" or "KCN0252" or "KCN0255"
        );
    }
}
