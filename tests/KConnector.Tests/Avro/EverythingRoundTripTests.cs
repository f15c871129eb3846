using System.Buffers;
using System.Text.Json;
using KConnector.Avro;
using KConnector.Tests.Avro.Model;

namespace KConnector.Tests.Avro;

/// <summary>Generated code for a schema with every type and logical type, compiled by the real build and run.</summary>
public class EverythingRoundTripTests
{
    private static byte[] Encode(Everything value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        Everything.Encode(ref writer, value);
        return buffer.WrittenSpan.ToArray();
    }

    private static Everything Decode(byte[] bytes)
    {
        var reader = new AvroReader(bytes);
        var value = Everything.Decode(ref reader);
        Assert.Equal(0, reader.Remaining);
        return value;
    }

    private static string Json(Everything value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Everything.WriteJson(writer, value);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void ThousandRandomValues_SurviveEncodeDecode()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 1000; i++)
        {
            var value = EverythingValues.Random(random);
            var bytes = Encode(value);

            var decoded = Decode(bytes);

            // Same bytes again and the same JSON: every field survived, collections included.
            Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(Encode(decoded)));
            Assert.Equal(Json(value), Json(decoded));
            Assert.Equal(value.Amount, decoded.Amount);
            Assert.Equal(value.HugeAmount, decoded.HugeAmount);
            Assert.Equal(value.Updated, decoded.Updated);
            Assert.Equal(value.LocalUpdated, decoded.LocalUpdated);
            Assert.Equal(DateTimeKind.Unspecified, decoded.LocalCreated.Kind);
            Assert.Equal(TimeSpan.Zero, decoded.Created.Offset);
            Assert.Equal(
                value.Payment,
                decoded.Payment is Everything.PaymentUnion.Address ? value.Payment : decoded.Payment
            );
        }
    }

    [Fact]
    public void EveryTruncation_ThrowsAvroDecodeExceptionNamingAField()
    {
        var bytes = Encode(EverythingValues.Random(new Random(7)));
        for (var length = 0; length < bytes.Length; length++)
        {
            var e = Assert.Throws<AvroDecodeException>(() => Decode(bytes[..length]));
            // The record and field being read: Everything's own, or a nested record's (Address.street).
            Assert.Matches(@"^(Everything|Address)\.[a-z_]+$", e.Field);
        }
    }

    [Fact]
    public void CorruptBytes_NeverThrowAnythingButAvroDecodeException()
    {
        var random = new Random(11);
        var bytes = Encode(EverythingValues.Random(random));
        for (var i = 0; i < 2000; i++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            try
            {
                var reader = new AvroReader(corrupt);
                Everything.Decode(ref reader);
            }
            catch (AvroDecodeException) { }
        }
    }

    [Fact]
    public void Defaults_BecomePropertyInitializers()
    {
        var value = EverythingValues.Random(new Random(1)) with { };
        var fresh = new Everything
        {
            Nothing = null,
            Flag = false,
            Count = 0,
            Total = 0,
            Ratio = 0,
            Precise = 0,
            Blob = [],
            Label = "",
            Address = value.Address,
            Addresses = [],
            Hash = new byte[16],
            Payment = new Everything.PaymentUnion.Long(1),
            Choices = [],
            Amount = 0,
            HugeAmount = default,
            SmallFixedAmount = 0,
            Id = Guid.Empty,
            Alarm = default,
            PreciseAlarm = default,
            Created = default,
            Updated = default,
            LocalCreated = default,
            LocalUpdated = default,
            Wait = default,
        };

        Assert.Equal(Suit.HEARTS, fresh.Suit);
        Assert.Empty(fresh.Tags);
        Assert.Equal(1L, fresh.Counters["a"]);
        Assert.Equal(7, fresh.MaybeCount);
        Assert.Null(fresh.MaybeText);
        Assert.Null(fresh.OptionalChoice);
        Assert.Equal(new DateOnly(2022, 1, 8), fresh.Day);
        Assert.Equal(5L, fresh.Custom);
    }

    [Fact]
    public void WriteJson_PrintsWhatKafkaConnectsJsonConverterPrints()
    {
        var value = EverythingValues.Random(new Random(3)) with
        {
            Precise = double.PositiveInfinity,
            Ratio = float.NaN,
            Suit = Suit.CLUBS,
            Payment = new Everything.PaymentUnion.Long(42),
            MaybeCount = null,
            Amount = 12.5m,
            Day = new DateOnly(1970, 1, 2),
            Created = DateTimeOffset.FromUnixTimeMilliseconds(1234),
        };

        using var json = JsonDocument.Parse(Json(value));
        var root = json.RootElement;

        Assert.Equal("Infinity", root.GetProperty("precise").GetString());
        Assert.Equal("NaN", root.GetProperty("ratio").GetString());
        Assert.Equal("CLUBS", root.GetProperty("suit").GetString());
        Assert.Equal(42, root.GetProperty("payment").GetProperty("long").GetInt64());
        Assert.Equal(
            JsonValueKind.Null,
            root.GetProperty("payment").GetProperty("string").ValueKind
        );
        Assert.Equal(JsonValueKind.Null, root.GetProperty("maybe_count").ValueKind);
        // decimal.format=BASE64 (JsonConverter's default): the unscaled 1250 as big-endian bytes.
        Assert.Equal(Convert.ToBase64String([0x04, 0xE2]), root.GetProperty("amount").GetString());
        Assert.Equal(1, root.GetProperty("day").GetInt32());
        Assert.Equal(1234, root.GetProperty("created").GetInt64());
        Assert.Equal(value.Id.ToString(), root.GetProperty("id").GetString());
    }

    [Fact]
    public void Encode_RejectsValuesTheSchemaCannotHold()
    {
        var value = EverythingValues.Random(new Random(5));

        var wrongFixed = Assert.Throws<ArgumentException>(() =>
            Encode(value with { Hash = new byte[3] })
        );
        Assert.Contains("Everything.hash", wrongFixed.Message, StringComparison.Ordinal);
        var tooPrecise = Assert.Throws<ArgumentException>(() =>
            Encode(value with { Amount = 1.234m })
        );
        Assert.Contains("Everything.amount", tooPrecise.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Encode(value with { Amount = 12345678.9m })
        );
        Assert.Throws<ArgumentOutOfRangeException>(() => Encode(value with { Suit = (Suit)9 }));
    }
}
