using Newtonsoft.Json;

namespace KConnector.Interop.Tests;

/// <summary>
/// The shipment as a Confluent .NET user writes it: a plain class that Confluent's JSON serdes map
/// with Newtonsoft.Json, its names given by <see cref="JsonPropertyAttribute"/>.
/// </summary>
public sealed class ConfluentShipment
{
    [JsonProperty("id", Required = Required.Always)]
    public string Id { get; set; } = "";

    [JsonProperty("weight_grams", Required = Required.Always)]
    public long WeightGrams { get; set; }

    [JsonProperty("express", Required = Required.Always)]
    public bool Express { get; set; }

    // Absent rather than null: the schema's "price" is a number, never null.
    [JsonProperty("price", NullValueHandling = NullValueHandling.Ignore)]
    public double? Price { get; set; }

    [JsonProperty("note")]
    public string? Note { get; set; }

    [JsonProperty("labels", NullValueHandling = NullValueHandling.Ignore)]
    public List<string>? Labels { get; set; }
}
