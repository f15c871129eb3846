namespace KConnector.Generator.Tests.JsonSchema;

/// <summary>Schema files the JSON Schema tests feed to the generator.</summary>
internal static class JsonSchemaFixtures
{
    public static readonly IReadOnlyDictionary<string, string> ShopNamespace = new Dictionary<
        string,
        string
    >
    {
        ["KConnectorNamespace"] = "Shop.Json",
    };

    /// <summary>An object of every format and shape, with a cross-file $ref, an enum, a union and a map.</summary>
    public const string Order = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Order",
          "description": "An order placed in the shop.",
          "type": "object",
          "additionalProperties": false,
          "required": ["id", "placedAt", "customer", "status", "lines"],
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "placedAt": { "type": "string", "format": "date-time" },
            "deliveryDate": { "type": "string", "format": "date" },
            "deliveryTime": { "type": "string", "format": "time" },
            "customer": { "$ref": "customer.schema.json" },
            "billingAddress": { "$ref": "customer.schema.json#/definitions/Address" },
            "status": { "$ref": "#/$defs/Status" },
            "lines": { "type": "array", "items": { "$ref": "#/$defs/Line" } },
            "note": { "type": ["string", "null"] },
            "trackingUrl": { "type": "string", "format": "uri" },
            "contactEmail": { "type": "string", "format": "email" },
            "total": { "type": "number" },
            "payment": { "oneOf": [{ "$ref": "#/$defs/Card" }, { "$ref": "#/$defs/BankTransfer" }] },
            "attributes": { "type": "object", "additionalProperties": { "type": "integer" } }
          },
          "$defs": {
            "Status": { "type": "string", "enum": ["pending", "on-hold", "shipped"] },
            "Line": {
              "type": "object",
              "required": ["sku", "quantity"],
              "properties": {
                "sku": { "type": "string" },
                "quantity": { "type": "integer" }
              }
            },
            "Card": {
              "type": "object",
              "additionalProperties": false,
              "required": ["cardNumber"],
              "properties": { "cardNumber": { "type": "string" } }
            },
            "BankTransfer": {
              "type": "object",
              "additionalProperties": false,
              "required": ["iban"],
              "properties": { "iban": { "type": "string" } }
            }
          }
        }
        """;

    /// <summary>Draft-07 with "definitions", a nested inline object, a type union and unknown members kept.</summary>
    public const string Customer = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "required": ["name"],
          "properties": {
            "name": { "type": "string" },
            "address": { "$ref": "#/definitions/Address" },
            "loyalty": { "type": ["integer", "string"] },
            "preferences": {
              "type": "object",
              "properties": { "newsletter": { "type": "boolean" } }
            }
          },
          "definitions": {
            "Address": {
              "type": "object",
              "required": ["city"],
              "properties": {
                "street": { "type": "string" },
                "city": { "type": "string" }
              }
            }
          }
        }
        """;

    /// <summary>A file of shared definitions only, referenced from another directory.</summary>
    public const string Money = """
        {
          "$defs": {
            "Amount": {
              "type": "object",
              "required": ["value", "currency"],
              "properties": {
                "value": { "type": "number" },
                "currency": { "$ref": "#/$defs/Currency" }
              }
            },
            "Currency": { "type": "string", "minLength": 3, "maxLength": 3 }
          }
        }
        """;

    public const string Invoice = """
        {
          "title": "Invoice",
          "type": "object",
          "required": ["amount"],
          "properties": {
            "amount": { "$ref": "../common/money.schema.json#/$defs/Amount" },
            "currency": { "$ref": "../common/money.schema.json#/$defs/Currency" },
            "history": { "type": "array", "items": { "type": "array", "items": { "type": ["number", "null"] } } }
          }
        }
        """;
}
