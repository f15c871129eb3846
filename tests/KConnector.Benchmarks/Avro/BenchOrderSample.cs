using Avro;
using Avro.Generic;
using KConnector.Benchmarks.Avro.Peers;

namespace KConnector.Benchmarks.Avro;

/// <summary>The one bench-order record every codec benchmark writes, in each implementation's own type.</summary>
internal static class BenchOrderSample
{
    private const string OrderId = "ORD-2026-000123";
    private const long CustomerId = 4_503_599_627;
    private const int Quantity = 3;
    private const double UnitPrice = 19.99;
    private const string Note = "leave at the door";
    private const string Street = "1 Rue de Rivoli";
    private const string City = "Paris";
    private const string Zip = "75001";
    private static readonly string[] Tags = ["gift", "priority", "fragile"];
    private static readonly DateTimeOffset PlacedAt = DateTimeOffset.FromUnixTimeMilliseconds(
        1_700_000_000_123
    );

    public static BenchOrder Order() =>
        new()
        {
            OrderId = OrderId,
            CustomerId = CustomerId,
            Quantity = Quantity,
            UnitPrice = UnitPrice,
            Express = true,
            Note = Note,
            Status = BenchStatus.PAID,
            Tags = Tags,
            PlacedAt = PlacedAt,
            Shipping = new BenchAddress
            {
                Street = Street,
                City = City,
                Zip = Zip,
            },
        };

    public static BenchOrderPoco Poco() =>
        new()
        {
            OrderId = OrderId,
            CustomerId = CustomerId,
            Quantity = Quantity,
            UnitPrice = UnitPrice,
            Express = true,
            Note = Note,
            Status = BenchStatusPoco.PAID,
            Tags = Tags,
            PlacedAt = PlacedAt,
            Shipping = new BenchAddressPoco
            {
                Street = Street,
                City = City,
                Zip = Zip,
            },
        };

    public static ApacheBenchOrder Specific() =>
        new()
        {
            OrderId = OrderId,
            CustomerId = CustomerId,
            Quantity = Quantity,
            UnitPrice = UnitPrice,
            Express = true,
            Note = Note,
            Status = ApacheBenchStatus.PAID,
            Tags = [.. Tags],
            PlacedAt = PlacedAt.UtcDateTime,
            Shipping = new ApacheBenchAddress
            {
                Street = Street,
                City = City,
                Zip = Zip,
            },
        };

    public static GenericRecord Generic(RecordSchema schema)
    {
        var shippingSchema = (RecordSchema)schema.Fields[9].Schema;
        var shipping = new GenericRecord(shippingSchema);
        shipping.Add("street", Street);
        shipping.Add("city", City);
        shipping.Add("zip", Zip);
        var statusSchema = (EnumSchema)schema.Fields[6].Schema;
        var record = new GenericRecord(schema);
        record.Add("order_id", OrderId);
        record.Add("customer_id", CustomerId);
        record.Add("quantity", Quantity);
        record.Add("unit_price", UnitPrice);
        record.Add("express", true);
        record.Add("note", Note);
        record.Add("status", new GenericEnum(statusSchema, "PAID"));
        record.Add("tags", Tags.ToArray<object>());
        record.Add("placed_at", PlacedAt.UtcDateTime);
        record.Add("shipping", shipping);
        return record;
    }
}
