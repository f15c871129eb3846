namespace KConnector.Generator.Tests.Transforms;

/// <summary>The schemas the transform chain corpus folds over.</summary>
internal static class TransformSchemas
{
    /// <summary>A payment: primitives, a nested record, a timestamp, bytes, an array, an enum and an optional field.</summary>
    public const string Payment = """
        {
          "type": "record",
          "name": "Payment",
          "namespace": "Shop.Payments",
          "fields": [
            { "name": "id", "type": "string" },
            { "name": "amount", "type": "double" },
            { "name": "card", "type": "string" },
            { "name": "cvv", "type": "int" },
            { "name": "captured", "type": "boolean" },
            {
              "name": "customer",
              "type": {
                "type": "record",
                "name": "Customer",
                "fields": [
                  { "name": "name", "type": "string" },
                  { "name": "email", "type": ["null", "string"], "default": null }
                ]
              }
            },
            { "name": "customer_name", "type": "string" },
            { "name": "paid_at", "type": { "type": "long", "logicalType": "timestamp-millis" } },
            { "name": "receipt", "type": "bytes" },
            { "name": "tags", "type": { "type": "array", "items": "string" } },
            { "name": "status", "type": { "type": "enum", "name": "Status", "symbols": ["OPEN", "PAID"] } },
            { "name": "note", "type": ["null", "string"], "default": null }
          ]
        }
        """;

    /// <summary>A JSON Schema whose top-level type is the record Invoice.</summary>
    public const string Invoice = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Invoice",
          "type": "object",
          "properties": {
            "invoice_id": { "type": "string" },
            "amount": { "type": "number" },
            "issued": { "type": "integer" }
          },
          "required": ["invoice_id", "amount"]
        }
        """;
}
