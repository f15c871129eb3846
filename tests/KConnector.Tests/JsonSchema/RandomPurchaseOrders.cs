using System.Text.Json;

namespace KConnector.Tests.JsonSchema;

/// <summary>Seeded random values of the generated PurchaseOrder, reaching every property kind and both union branches.</summary>
internal static class RandomPurchaseOrders
{
    private const string Alphabet = "abcXYZ09 -_\"\\/é😀\n\t";

    public static PurchaseOrder Next(Random random) =>
        new()
        {
            Id = new Guid(Bytes(random, 16)),
            PlacedAt = new DateTimeOffset(
                random.NextInt64(
                    DateTime.MinValue.Ticks,
                    DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay
                )
                    / TimeSpan.TicksPerMillisecond
                    * TimeSpan.TicksPerMillisecond,
                TimeSpan.FromMinutes(random.Next(-12 * 60, 14 * 60))
            ),
            DeliveryDate = Maybe(random, r => DateOnly.FromDayNumber(r.Next(0, 3652058))),
            DeliveryTime = Maybe(random, r => new TimeOnly(r.NextInt64(0, TimeSpan.TicksPerDay))),
            Customer = new CustomerProfile
            {
                Name = Text(random, 1),
                Address = new PostalAddress
                {
                    Street = Text(random, 0),
                    City = Text(random, 0),
                    Country = random.Next(2) == 0 ? null : Text(random, 0),
                },
                Loyalty = random.Next(3) switch
                {
                    0 => null,
                    1 => new CustomerProfileLoyalty.Integer(
                        random.NextInt64(long.MinValue, long.MaxValue)
                    ),
                    _ => new CustomerProfileLoyalty.String(Text(random, 0)),
                },
                Since = Maybe(random, r => DateOnly.FromDayNumber(r.Next(0, 3652058))),
                AdditionalProperties =
                    random.Next(2) == 0
                        ? null
                        : new Dictionary<string, JsonElement>
                        {
                            ["extra" + random.Next(100)] = JsonDocument
                                .Parse("{\"nested\":[1,2.5,true,null,\"x\"]}")
                                .RootElement.Clone(),
                        },
            },
            Status = (OrderStatus)random.Next(4),
            Lines = Enumerable
                .Range(0, random.Next(1, 4))
                .Select(_ => new OrderLine
                {
                    Sku = "ABC-" + random.Next(1000),
                    Quantity = random.Next(1, 100),
                    UnitPrice = Math.Round(random.NextDouble() * 1000, 2),
                })
                .ToList(),
            Note = random.Next(2) == 0 ? null : Text(random, 0),
            Tags =
                random.Next(2) == 0
                    ? null
                    : Enumerable.Range(0, random.Next(3)).Select(_ => Text(random, 0)).ToList(),
            TrackingUrl =
                random.Next(2) == 0
                    ? null
                    : new Uri("https://track.example.com/p/" + random.Next()),
            ContactEmail = random.Next(2) == 0 ? null : "user" + random.Next(100) + "@example.com",
            Total = random.NextDouble() * 1e6,
            Payment = random.Next(3) switch
            {
                0 => null,
                1 => new PurchaseOrderPayment.Card(
                    new Card
                    {
                        CardNumber = random
                            .NextInt64(1_000_000_000_000, 9_999_999_999_999)
                            .ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Expiry = DateOnly.FromDayNumber(random.Next(738000, 740000)),
                    }
                ),
                _ => new PurchaseOrderPayment.BankTransfer(
                    new BankTransfer { Iban = "NL" + random.Next() }
                ),
            },
            Attributes =
                random.Next(2) == 0
                    ? null
                    : new Dictionary<string, string> { [Text(random, 0)] = Text(random, 0) },
            GiftWrap = random.Next(3) switch
            {
                0 => null,
                1 => true,
                _ => false,
            },
        };

    private static T? Maybe<T>(Random random, Func<Random, T> make)
        where T : struct => random.Next(2) == 0 ? null : make(random);

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Text(Random random, int minLength)
    {
        var length = random.Next(minLength, 12);
        var sb = new System.Text.StringBuilder();
        while (sb.Length < length)
        {
            var i = random.Next(Alphabet.Length);
            if (char.IsSurrogate(Alphabet[i]))
            {
                sb.Append("😀");
                continue;
            }
            sb.Append(Alphabet[i]);
        }
        return sb.ToString();
    }
}
