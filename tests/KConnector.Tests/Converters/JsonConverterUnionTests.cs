using System.Text;
using KConnector.Converters;
using KConnector.Converters.Json;
using KConnector.Tests.Avro.Model;

namespace KConnector.Tests.Converters;

/// <summary>
/// The JsonConverter over a type generated from an .avsc with general unions (issue 20, item 9: it
/// failed at run time with NotSupportedException): the Connect schema is the struct Confluent's
/// AvroData makes of such a union, and values round-trip through it, in and out of the envelope.
/// </summary>
public class JsonConverterUnionTests
{
    private static readonly Choices Sample = new()
    {
        Payment = new Choices.PaymentUnion.PaymentCard(
            new PaymentCard { Number = "4111", Cvc = 123 }
        ),
        OptionalChoice = new Choices.OptionalChoiceUnion.String("s"),
        Picks =
        [
            new Choices.PicksItemUnion.Int(1),
            new Choices.PicksItemUnion.PaymentCard(new PaymentCard { Number = "5500" }),
            new Choices.PicksItemUnion.Array(["a", "b"]),
        ],
        ByKey = new Dictionary<string, Choices.ByKeyValueUnion?>
        {
            ["a"] = new Choices.ByKeyValueUnion.Double(2.5),
            ["b"] = new Choices.ByKeyValueUnion.Level(Level.HIGH),
            ["c"] = null,
        },
        Hash = new Choices.HashUnion.Hash4([1, 2, 3, 4]),
        Cents = new Choices.CentsUnion.NullNamespaceCents(new NullNamespaceCents { Amount = 9 }),
    };

    private static JsonConverter<Choices> Converter(bool schemasEnable) =>
        new(
            new AvroRecordJsonCodec<Choices>(),
            ConverterConfig.From(
                new Dictionary<string, string>
                {
                    ["schemas.enable"] = schemasEnable ? "true" : "false",
                },
                isKey: false
            )
        );

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void GeneralUnions_RoundTrip(bool schemasEnable)
    {
        var converter = Converter(schemasEnable);

        var json = converter.FromConnectData("choices", Sample)!;
        var back = converter.ToConnectData("choices", json)!;

        Assert.Equal(
            Encoding.UTF8.GetString(json),
            Encoding.UTF8.GetString(converter.FromConnectData("choices", back)!)
        );
        Assert.Equal(123, ((Choices.PaymentUnion.PaymentCard)back.Payment).Value.Cvc);
        Assert.Null(back.ByKey["c"]);
    }

    [Fact]
    public void AGeneralUnion_IsAConfluentUnionStruct_WithAnOptionalFieldPerBranch()
    {
        var json = Encoding.UTF8.GetString(
            Converter(schemasEnable: true).FromConnectData("choices", Sample)!
        );

        Assert.Contains(
            """{"type":"struct","fields":[{"type":"string","optional":true,"field":"string"},{"type":"int64","optional":true,"field":"long"},{"type":"struct","fields":[{"type":"string","optional":false,"field":"number"},{"type":"int32","optional":true,"field":"cvc"}],"optional":true,"name":"KConnector.Tests.Avro.Model.PaymentCard","field":"PaymentCard"}],"optional":false,"name":"io.confluent.connect.avro.Union","field":"payment"}""",
            json,
            StringComparison.Ordinal
        );
        // ["null", int, string] is an optional union struct.
        Assert.Contains(
            "\"optional\":true,\"name\":\"io.confluent.connect.avro.Union\",\"field\":\"optional_choice\"}",
            json,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "\"payment\":{\"string\":null,\"long\":null,\"PaymentCard\":{\"number\":\"4111\",\"cvc\":123}}",
            json,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("""{"string":"a","long":1,"PaymentCard":null}""", "two are set")]
    [InlineData("""{"string":null,"long":null,"PaymentCard":null}""", "none is set")]
    [InlineData("""{"int":1}""", "no such member")]
    [InlineData("""null""", "an object with one member set of string, long, PaymentCard")]
    public void AMalformedUnion_FailsNamingTheField(string payment, string reason)
    {
        var plain = Encoding.UTF8.GetString(
            Converter(schemasEnable: false).FromConnectData("choices", Sample)!
        );
        var start = plain.IndexOf("\"payment\":", StringComparison.Ordinal) + "\"payment\":".Length;
        var end = plain.IndexOf(",\"optional_choice\"", StringComparison.Ordinal);
        var broken = plain[..start] + payment + plain[end..];

        var error = Assert.Throws<DataException>(() =>
            Converter(schemasEnable: false).ToConnectData("choices", Encoding.UTF8.GetBytes(broken))
        );

        Assert.Contains("payment", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANamedTypeUsedTwice_HasTheSameConnectSchemaBothTimes()
    {
        // PaymentCard is defined in "payment" and referenced by name in "picks".
        var schema = ConnectSchemas.FromAvro(Choices.AvroSchemaJson);

        var inPayment = schema.Fields.Single(f => f.Name == "payment").Schema.Fields[2].Schema;
        var inPicks = schema.Fields.Single(f => f.Name == "picks").Schema.Items!.Fields[1].Schema;
        Assert.Equal("KConnector.Tests.Avro.Model.PaymentCard", inPicks.Name);
        Assert.Equal(inPayment, inPicks);
    }
}
