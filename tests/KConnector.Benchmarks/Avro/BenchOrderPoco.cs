using System.Text.Json.Serialization;

namespace KConnector.Benchmarks.Avro;

/// <summary>The same record as bench-order.avsc, hand-written for System.Text.Json (the baseline).</summary>
public sealed class BenchOrderPoco
{
    [JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [JsonPropertyName("customer_id")]
    public long CustomerId { get; init; }

    [JsonPropertyName("quantity")]
    public int Quantity { get; init; }

    [JsonPropertyName("unit_price")]
    public double UnitPrice { get; init; }

    [JsonPropertyName("express")]
    public bool Express { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    [JsonPropertyName("status")]
    public BenchStatusPoco Status { get; init; }

    [JsonPropertyName("tags")]
    public required IReadOnlyList<string> Tags { get; init; }

    [JsonPropertyName("placed_at")]
    public DateTimeOffset PlacedAt { get; init; }

    [JsonPropertyName("shipping")]
    public required BenchAddressPoco Shipping { get; init; }
}

/// <summary>The nested address of <see cref="BenchOrderPoco"/>.</summary>
public sealed class BenchAddressPoco
{
    [JsonPropertyName("street")]
    public required string Street { get; init; }

    [JsonPropertyName("city")]
    public required string City { get; init; }

    [JsonPropertyName("zip")]
    public required string Zip { get; init; }
}

/// <summary>
/// The order status for the baseline. Its own enum: System.Text.Json's generator cannot see types
/// that another generator (KConnector's) writes in the same compilation.
/// </summary>
public enum BenchStatusPoco
{
    /// <summary>Placed.</summary>
    PLACED,

    /// <summary>Paid.</summary>
    PAID,

    /// <summary>Shipped.</summary>
    SHIPPED,
}
