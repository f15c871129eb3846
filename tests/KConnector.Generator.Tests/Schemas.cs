namespace KConnector.Generator.Tests;

/// <summary>Schema texts the tests share.</summary>
internal static class Schemas
{
    /// <summary>Connectors/Protos/telemetry.proto, which protoc also compiled into this assembly.</summary>
    public static string Telemetry { get; } = Resource("telemetry.proto");

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

    /// <summary>A JSON Schema whose top-level type is the record Shop.Billing.Invoice.</summary>
    public const string Invoice = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Invoice",
          "type": "object",
          "properties": {
            "invoice_id": { "type": "string" },
            "amount": { "type": "number" }
          },
          "required": ["invoice_id", "amount"]
        }
        """;

    private static string Resource(string name)
    {
        using var stream = typeof(Schemas).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
