using KConnector.Generator.Avro;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using KConnector.Generator.Transforms;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// The schemas the chain fold derives, stage by stage, as Kafka Connect's transformations derive
/// them when a record flows: what the generated worker's output type and registered schema will be.
/// </summary>
public class TransformChainFoldTests
{
    private static readonly SpecLocation Where = new(
        new LocationInfo("t.connector.json", default, default(LinePositionSpan)),
        "$.config"
    );

    private static TransformSchema Payment()
    {
        var parsed = AvroSchemaParser.Parse(
            new SchemaFileInput(
                "payment.avsc",
                TransformSchemas.Payment,
                string.Empty,
                "public",
                true
            )
        );
        return AvroTransformSchema.Read(parsed.Types.Single(t => t.Path == "$"), parsed.Types);
    }

    private static TransformStep Step(
        string alias,
        string className,
        params (string Key, string Text)[] settings
    ) =>
        new(
            alias,
            className,
            className,
            Where,
            settings.Select(s => new TransformSetting(s.Key, s.Text, Where)).ToEquatableArray(),
            settings.Any(s => s.Key == "predicate")
        );

    private static (TransformSchema Key, TransformSchema Value) Fold(params TransformStep[] steps)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var result = TransformChainFold.Fold(
            steps.ToEquatableArray(),
            new TransformSchema(ConnectSchemaType.String, null, true),
            Payment(),
            isSource: false,
            diagnostics
        );
        Assert.Empty(diagnostics);
        return result;
    }

    private static string Fields(TransformSchema schema) =>
        string.Join(
            ", ",
            schema.Fields.Select(f =>
                f.Name + ":" + f.Schema.Describe() + (f.Schema.Optional ? "?" : "")
            )
        );

    [Fact]
    public void AvroRecord_MapsAsConfluentsAvroData()
    {
        Assert.Equal(
            "id:string, amount:float64, card:string, cvv:int32, captured:boolean, customer:struct Shop.Payments.Customer, "
                + "customer_name:string, paid_at:Timestamp, receipt:bytes, tags:array, status:string, note:string?",
            Fields(Payment())
        );
    }

    [Fact]
    public void IssuePipeline_InsertReplaceCastRoute_DerivesTheOutputSchema()
    {
        var (key, value) = Fold(
            Step(
                "insert",
                "KConnector.Transforms.InsertFieldValue",
                ("static.field", "source"),
                ("static.value", "shop"),
                ("timestamp.field", "ingested_at!")
            ),
            Step(
                "rename",
                "KConnector.Transforms.ReplaceFieldValue",
                ("renames", "card:pan"),
                ("exclude", "cvv,receipt,tags,customer")
            ),
            Step(
                "cast",
                "KConnector.Transforms.CastValue",
                ("spec", "amount:string,captured:int8")
            ),
            Step("route", "KConnector.Transforms.TimestampRouter")
        );

        Assert.Equal(
            "id:string, amount:string, pan:string, captured:int8, customer_name:string, paid_at:Timestamp, "
                + "status:string, note:string?, ingested_at:Timestamp, source:string?",
            Fields(value)
        );
        Assert.Equal("Shop.Payments.Payment", value.Name);
        Assert.Equal(ConnectSchemaType.String, key.Type);
    }

    [Fact]
    public void FlattenThenValueToKey_MakesTheKeyAStructOfTheFields()
    {
        var (key, value) = Fold(
            Step("flat", "KConnector.Transforms.FlattenValue", ("delimiter", "__")),
            Step("key", "KConnector.Transforms.ValueToKey", ("fields", "id,customer__email"))
        );

        Assert.Equal("id:string, customer__email:string?", Fields(key));
        Assert.Contains(
            "customer__name:string, customer__email:string?, customer_name:string",
            Fields(value),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void HoistExtractAndTimestampConverter_ChangeTheWholeValue()
    {
        var (key, value) = Fold(
            Step("hoist", "KConnector.Transforms.HoistFieldKey", ("field", "payment_id")),
            Step("paid", "KConnector.Transforms.ExtractFieldValue", ("field", "paid_at")),
            Step("unix", "KConnector.Transforms.TimestampConverterValue", ("target.type", "unix"))
        );

        Assert.Equal("payment_id:string?", Fields(key));
        Assert.Equal(ConnectSchemaType.Int64, value.Type);
        Assert.Null(value.Name);
    }

    [Fact]
    public void StageUnderAPredicate_OrAUserTransformation_LeavesTheSideUnknown()
    {
        var (_, conditional) = Fold(
            Step(
                "insert",
                "KConnector.Transforms.InsertFieldValue",
                ("static.field", "source"),
                ("predicate", "isOrders")
            ),
            Step("mask", "KConnector.Transforms.MaskFieldValue", ("fields", "not_checked"))
        );
        var (userKey, userValue) = Fold(
            Step("shout", "Acme.Transforms.Shout"),
            Step("mask", "KConnector.Transforms.MaskFieldValue", ("fields", "not_checked"))
        );

        Assert.False(conditional.IsKnown);
        Assert.False(userKey.IsKnown);
        Assert.False(userValue.IsKnown);
    }
}
