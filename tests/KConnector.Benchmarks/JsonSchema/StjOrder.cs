using System.Text.Json.Serialization;

namespace KConnector.Benchmarks.JsonSchema;

/// <summary>The same shape as bench-order.schema.json, hand-written for System.Text.Json's source generator (the baseline).</summary>
public sealed class StjOrder
{
    [JsonPropertyName("id")]
    public Guid Id { get; set; }

    [JsonPropertyName("placedAt")]
    public DateTimeOffset PlacedAt { get; set; }

    [JsonPropertyName("customer")]
    public string Customer { get; set; } = "";

    [JsonPropertyName("status")]
    public StjStatus Status { get; set; }

    [JsonPropertyName("lines")]
    public List<StjLine> Lines { get; set; } = [];

    [JsonPropertyName("note")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; set; }

    [JsonPropertyName("total")]
    public double Total { get; set; }
}

/// <summary>An order line for the baseline.</summary>
public sealed class StjLine
{
    [JsonPropertyName("sku")]
    public string Sku { get; set; } = "";

    [JsonPropertyName("quantity")]
    public long Quantity { get; set; }

    [JsonPropertyName("unitPrice")]
    public double UnitPrice { get; set; }
}

/// <summary>The status enum for the baseline, with the schema's JSON names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StjStatus>))]
public enum StjStatus
{
    /// <summary>pending</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>on-hold</summary>
    [JsonStringEnumMemberName("on-hold")]
    OnHold,

    /// <summary>shipped</summary>
    [JsonStringEnumMemberName("shipped")]
    Shipped,
}

/// <summary>System.Text.Json source-generated metadata and fast-path serializers for the baseline.</summary>
[JsonSerializable(typeof(StjOrder))]
public sealed partial class StjOrderContext : JsonSerializerContext;
