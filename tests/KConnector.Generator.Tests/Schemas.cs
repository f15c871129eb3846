namespace KConnector.Generator.Tests;

/// <summary>Schema texts the tests share.</summary>
internal static class Schemas
{
    public const string Order = """
        {
          "type": "record",
          "name": "Order",
          "namespace": "Shop.Orders",
          "doc": "An order placed in the shop.",
          "fields": [
            { "name": "order_id", "type": "string", "doc": "The shop's order number." },
            { "name": "customer_id", "type": "long" },
            { "name": "quantity", "type": "int" },
            { "name": "unit_price", "type": "double" },
            { "name": "weight", "type": "float" },
            { "name": "express", "type": "boolean" },
            { "name": "signature", "type": "bytes" },
            { "name": "note", "type": ["null", "string"], "default": null },
            { "name": "coupon", "type": ["string", "null"] },
            { "name": "placed_at", "type": { "type": "long", "logicalType": "timestamp-millis" } }
          ]
        }
        """;
}
