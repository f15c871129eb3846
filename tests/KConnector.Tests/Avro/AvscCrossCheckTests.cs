using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using KConnector.Avro;
using KConnector.Tests.Avro.Model;
using V1 = KConnector.Tests.Avro.V1;

namespace KConnector.Tests.Avro;

/// <summary>
/// Generated constants and encodings checked against independent implementations: the npm
/// package avsc 5.x (golden values computed once with tests' Schemas/*.avsc and pinned here:
/// <c>avro.Type.forSchema(schema).fingerprint('md5')</c>, whose input is avsc's Parsing
/// Canonical Form, and <c>type.toBuffer(value)</c> with <c>wrapUnions: true</c>), and the
/// specification's CRC-64-AVRO algorithm written out again below.
/// </summary>
public class AvscCrossCheckTests
{
    [Theory]
    [InlineData("everything", "0b739afc15ee7b0b2793e1c418b0799c")]
    [InlineData("tree", "7286092cfa7ac12ffd7f38204d3e6003")]
    [InlineData("customer-v1", "9cc0c3df235d2ae3ce20add92d41cba1")]
    public void CanonicalForm_IsAvscs(string schema, string avscMd5)
    {
        var canonical = CanonicalForm(schema);

        Assert.Equal(
            avscMd5,
            Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(canonical)))
        );
    }

    [Theory]
    [InlineData("everything")]
    [InlineData("tree")]
    [InlineData("customer-v1")]
    public void Fingerprint_IsTheSpecificationsRabinFingerprintOfTheCanonicalForm(string schema)
    {
        var (canonical, fingerprint) = schema switch
        {
            "everything" => (Everything.AvroCanonicalForm, Everything.AvroFingerprint),
            "tree" => (TreeNode.AvroCanonicalForm, TreeNode.AvroFingerprint),
            _ => (V1.Customer.AvroCanonicalForm, V1.Customer.AvroFingerprint),
        };

        Assert.Equal(Rabin(Encoding.UTF8.GetBytes(canonical)), fingerprint);
    }

    private static string CanonicalForm(string schema) =>
        schema switch
        {
            "everything" => Everything.AvroCanonicalForm,
            "tree" => TreeNode.AvroCanonicalForm,
            _ => V1.Customer.AvroCanonicalForm,
        };

    /// <summary>
    /// CRC-64-AVRO as the specification's "Schema Fingerprints" section defines it, bit by bit
    /// (no table), so it shares no code with the generator's table-driven version.
    /// </summary>
    private static long Rabin(byte[] data)
    {
        const ulong empty = 0xc15d213aa4d7a795UL;
        var fp = empty;
        foreach (var b in data)
        {
            fp ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                fp = (fp & 1) == 1 ? (fp >> 1) ^ empty : fp >> 1;
            }
        }
        return unchecked((long)fp);
    }

    private static readonly Everything Golden = new()
    {
        Nothing = null,
        Flag = true,
        Count = -5,
        Total = 1234567890123,
        Ratio = 1.5f,
        Precise = -2.25,
        Blob = [1, 2, 3],
        Label = "héllo",
        Address = new Address { Street = "Main", Zip = "75001" },
        Suit = Suit.CLUBS,
        Tags = ["a", "b"],
        Addresses = [new Address { Street = "x" }],
        Counters = new Dictionary<string, long> { ["k"] = 7 },
        Hash = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
        MaybeText = null,
        MaybeCount = 3,
        MaybeAddress = new Address { Street = "y" },
        Payment = new Everything.PaymentUnion.Long(99),
        OptionalChoice = new Everything.OptionalChoiceUnion.String("s"),
        Choices =
        [
            new Everything.ChoicesItemUnion.Int(1),
            new Everything.ChoicesItemUnion.String("two"),
        ],
        Amount = 12.34m,
        HugeAmount = new AvroDecimal(new BigInteger(-100000), 5),
        SmallFixedAmount = 1.5m,
        Id = Guid.Parse("01234567-89ab-cdef-0123-456789abcdef"),
        Day = AvroTime.DateFromDays(19000),
        Alarm = new TimeOnly(1, 0),
        PreciseAlarm = AvroTime.TimeFromMicros(3600000001),
        Created = DateTimeOffset.FromUnixTimeMilliseconds(1700000000123),
        Updated = AvroTime.TimestampFromMicros(1700000000123456),
        LocalCreated = AvroTime.LocalTimestampFromMillis(5),
        LocalUpdated = AvroTime.LocalTimestampFromMicros(6),
        Wait = new AvroDuration(1, 2, 3),
        Custom = 5,
    };

    private const string GoldenHex =
        "01099693d89fee470000c03f00000000000002c0060102030c68c3a96c6c6f084d61696e020a373530303106040261026200020278000002026b0e00000102030405060708090a0b0c0d0e0f0000060202790002c601040273040002020674776f000404d2fffffffffffffffffffffffffffffffffffe79600000000000003a984830313233343536372d383961622d636465662d303132332d343536373839616263646566f0a80280bab70382909de91af6a1abfef96280898182838985060a0c0100000002000000030000000a";

    [Fact]
    public void Encode_WritesAvscsBytes_ForEveryTypeAndLogicalType()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);

        Everything.Encode(ref writer, Golden);

        Assert.Equal(GoldenHex, Convert.ToHexStringLower(buffer.WrittenSpan));
    }

    [Fact]
    public void Decode_ReadsAvscsBytes_ForEveryTypeAndLogicalType()
    {
        var reader = new AvroReader(Convert.FromHexString(GoldenHex));

        var value = Everything.Decode(ref reader);

        Assert.Equal(0, reader.Remaining);
        Assert.Equal(12.34m, value.Amount);
        Assert.Equal("-1.00000", value.HugeAmount.ToString());
        Assert.Equal(Golden.Id, value.Id);
        Assert.Equal(Golden.Updated, value.Updated);
        Assert.Equal(new AvroDuration(1, 2, 3), value.Wait);
        Assert.Equal(new Everything.ChoicesItemUnion.String("two"), value.Choices[1]);
        Assert.Equal("y", value.MaybeAddress!.Street);
    }
}
