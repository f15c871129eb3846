using System.Numerics;
using KConnector.Avro;
using KConnector.Tests.Avro.Model;

namespace KConnector.Tests.Avro;

/// <summary>Random values of <see cref="Everything"/> (a schema with every type and logical type), from a seed.</summary>
internal static class EverythingValues
{
    public static Everything Random(Random random)
    {
        string Text() =>
            new(
                Enumerable
                    .Range(0, random.Next(0, 12))
                    .Select(_ => (char)random.Next(0x20, 0x3000))
                    .Where(c => !char.IsSurrogate(c))
                    .ToArray()
            );
        byte[] Bytes(int length) =>
            [.. Enumerable.Range(0, length).Select(_ => (byte)random.Next(256))];
        Address MakeAddress() =>
            new() { Street = Text(), Zip = random.Next(2) == 0 ? null : Text() };
        long Long() => random.NextInt64(long.MinValue, long.MaxValue);

        return new Everything
        {
            Nothing = null,
            Flag = random.Next(2) == 1,
            Count = random.Next(int.MinValue, int.MaxValue),
            Total = Long(),
            Ratio = (float)(random.NextDouble() * 1e6 - 5e5),
            Precise = random.Next(20) == 0 ? double.NaN : random.NextDouble() * 1e12,
            Blob = Bytes(random.Next(0, 40)),
            Label = Text(),
            Address = MakeAddress(),
            Suit = (Suit)random.Next(4),
            Tags = [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => Text())],
            Addresses = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => MakeAddress())],
            Counters = Enumerable
                .Range(0, random.Next(0, 4))
                .ToDictionary(i => "k" + i, _ => Long()),
            Hash = Bytes(16),
            MaybeText = random.Next(2) == 0 ? null : Text(),
            MaybeCount = random.Next(2) == 0 ? null : random.Next(),
            MaybeAddress = random.Next(2) == 0 ? null : MakeAddress(),
            Payment = random.Next(3) switch
            {
                0 => new Everything.PaymentUnion.String(Text()),
                1 => new Everything.PaymentUnion.Long(Long()),
                _ => new Everything.PaymentUnion.Address(MakeAddress()),
            },
            OptionalChoice = random.Next(3) switch
            {
                0 => null,
                1 => new Everything.OptionalChoiceUnion.Int(random.Next()),
                _ => new Everything.OptionalChoiceUnion.String(Text()),
            },
            Choices =
            [
                .. Enumerable
                    .Range(0, random.Next(0, 4))
                    .Select(i =>
                        i % 2 == 0
                            ? (Everything.ChoicesItemUnion)
                                new Everything.ChoicesItemUnion.Int(random.Next())
                            : new Everything.ChoicesItemUnion.String(Text())
                    ),
            ],
            Amount = random.NextInt64(-999_999_999, 999_999_999) / 100m,
            HugeAmount = new AvroDecimal(
                BigInteger.Parse(
                    "12345678901234567890123456789",
                    System.Globalization.CultureInfo.InvariantCulture
                ) * random.Next(-999, 999),
                5
            ),
            SmallFixedAmount =
                random.NextInt64(-999_999_999_999_999_999, 999_999_999_999_999_999) / 10000m,
            Id = new Guid(Bytes(16)),
            Day = AvroTime.DateFromDays(random.Next(-700_000, 2_900_000)),
            Alarm = AvroTime.TimeFromMillis(random.Next(0, 86_400_000)),
            PreciseAlarm = AvroTime.TimeFromMicros(random.NextInt64(0, 86_400_000_000)),
            Created = AvroTime.TimestampFromMillis(
                random.NextInt64(-62_135_596_800_000, 253_402_300_799_999)
            ),
            Updated = AvroTime.TimestampFromMicros(
                random.NextInt64(-62_135_596_800_000_000, 253_402_300_799_999_999)
            ),
            LocalCreated = AvroTime.LocalTimestampFromMillis(
                random.NextInt64(-62_135_596_800_000, 253_402_300_799_999)
            ),
            LocalUpdated = AvroTime.LocalTimestampFromMicros(
                random.NextInt64(0, 253_402_300_799_999_999)
            ),
            Wait = new AvroDuration((uint)random.Next(), (uint)random.Next(), (uint)random.Next()),
            Custom = Long(),
        };
    }
}
