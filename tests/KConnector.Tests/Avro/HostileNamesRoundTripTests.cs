using System.Buffers;
using System.Text;
using System.Text.Json;
using KConnector.Avro;
using Hostile = @event.@int;

namespace KConnector.Tests.Avro;

/// <summary>
/// The hostile-names corpus (Schemas/Hostile/keywords.avsc: record <c>class</c> in namespace
/// <c>event.int</c>, enum <c>var</c>, union branches named <c>Value</c> and <c>Encode</c>, ...)
/// compiles into this project and round-trips (issue 20, item 4). The C# names it gets are the
/// ones docs/avro.md ("Names") promises.
/// </summary>
public class HostileNamesRoundTripTests
{
    private static Hostile.@class Sample(Hostile.@class.Payment2Union? payment) =>
        new()
        {
            Int = 7,
            Value = "v",
            Record = Hostile.var2.@var,
            Encode2 = -1,
            Equals2 = 2,
            Payment2 = payment,
            PaymentUnion = 3,
            Items =
            [
                new Hostile.@class.ItemsItemUnion.Int(5),
                new Hostile.@class.ItemsItemUnion.@global(
                    new @partial.@async.@global { Await = true }
                ),
            ],
            String = [1, 2],
            Pay = new Hostile.PayUnion { Pay2 = new Hostile.PayUnion.Pay2Union.String("s") },
            Where = Hostile.var2.@class,
        };

    public static TheoryData<string> Payments() => ["null", "Value", "Encode", "string"];

    [Theory]
    [MemberData(nameof(Payments))]
    public void EveryUnionBranch_RoundTrips(string branch)
    {
        Hostile.@class.Payment2Union? payment = branch switch
        {
            "Value" => new Hostile.@class.Payment2Union.Value2(
                new Hostile.Value { ValueValue = 4 }
            ),
            "Encode" => new Hostile.@class.Payment2Union.Encode2(
                new Hostile.Encode2 { Decode2 = 9 }
            ),
            "string" => new Hostile.@class.Payment2Union.String("x"),
            _ => null,
        };
        var value = Sample(payment);

        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        Hostile.@class.Encode(ref writer, value);
        var reader = new AvroReader(buffer.WrittenSpan);
        var decoded = Hostile.@class.Decode(ref reader);

        Assert.Equal(Json(value), Json(decoded));
        Assert.Equal(payment, decoded.Payment2);
        Assert.Equal(Hostile.var2.@var, decoded.Record);
    }

    [Fact]
    public void Defaults_AndNames_KeepTheAvroNames()
    {
        var value = Sample(null);

        // The enum's symbols and the JSON keep the schema's names; only the C# names change.
        Assert.Equal("var", Hostile.var2Avro.ToSymbol(value.Record));
        Assert.Contains("\"int\":7", Json(value), StringComparison.Ordinal);
        Assert.Contains("\"payment_union\":3", Json(value), StringComparison.Ordinal);
        Assert.Equal(
            Hostile.var2.@var,
            new Hostile.@class
            {
                Int = 0,
                Value = "",
                Encode2 = 0,
                Equals2 = 0,
                PaymentUnion = 0,
                Items = [],
                String = [0, 0],
                Pay = new Hostile.PayUnion { Pay2 = new Hostile.PayUnion.Pay2Union.Int(1) },
            }.Record
        );
        Assert.Contains(
            "\"name\":\"class\"",
            Hostile.@class.AvroSchemaJson,
            StringComparison.Ordinal
        );
    }

    private static string Json(Hostile.@class value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Hostile.@class.WriteJson(writer, value);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
