using System.Text.Json;
using KConnector.Json;

namespace KConnector.Connectors.File.Tests;

/// <summary>
/// Written by hand the way the generator writes a JSON Schema type (IJsonSchemaRecord: schema
/// text, WriteJson, ReadJson), so the connectors' JSON Schema path is tested without depending on
/// the JSON Schema generator's progress.
/// </summary>
public sealed record Customer : IJsonSchemaRecord<Customer>
{
    public static string JsonSchemaText =>
        """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Customer",
              "type": "object",
              "required": ["id", "name"],
              "properties": {
                "id": { "type": "integer" },
                "name": { "type": "string" },
                "vip": { "type": "boolean" },
                "balance": { "type": ["number", "null"] },
                "avatar": { "type": "string", "contentEncoding": "base64" }
              }
            }
            """;

    public required long Id { get; init; }

    public required string Name { get; init; }

    public bool? Vip { get; init; }

    public double? Balance { get; init; }

    public byte[]? Avatar { get; init; }

    public static void WriteJson(Utf8JsonWriter writer, Customer value)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", value.Id);
        writer.WriteString("name", value.Name);
        if (value.Vip is { } vip)
        {
            writer.WriteBoolean("vip", vip);
        }
        if (value.Balance is { } balance)
        {
            writer.WriteNumber("balance", balance);
        }
        else
        {
            writer.WriteNull("balance");
        }
        if (value.Avatar is { } avatar)
        {
            writer.WriteBase64String("avatar", avatar);
        }
        writer.WriteEndObject();
    }

    public static Customer ReadJson(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return new Customer
        {
            Id = root.GetProperty("id").GetInt64(),
            Name = root.GetProperty("name").GetString()!,
            Vip =
                root.TryGetProperty("vip", out var vip) && vip.ValueKind != JsonValueKind.Null
                    ? vip.GetBoolean()
                    : null,
            Balance =
                root.TryGetProperty("balance", out var balance)
                && balance.ValueKind != JsonValueKind.Null
                    ? balance.GetDouble()
                    : null,
            Avatar =
                root.TryGetProperty("avatar", out var avatar)
                && avatar.ValueKind != JsonValueKind.Null
                    ? avatar.GetBytesFromBase64()
                    : null,
        };
    }

    public bool Equals(Customer? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && Vip == other.Vip
        && Balance == other.Balance
        && (Avatar ?? []).AsSpan().SequenceEqual(other.Avatar ?? []);

    public override int GetHashCode() => HashCode.Combine(Id, Name);
}
