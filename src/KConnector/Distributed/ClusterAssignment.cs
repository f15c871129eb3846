using System.Text.Json.Nodes;

namespace KConnector.Distributed;

/// <summary>
/// Who runs what in one generation: the leader's answer, written to the config topic under
/// <c>kconnector-assignment</c> and followed by every worker (Kafka Connect carries the same
/// answer in its SyncGroup response, which Confluent.Kafka's consumer cannot send).
/// <see cref="Revoked"/> are units taken from a live worker to balance the load: nobody runs them
/// until their old owner says it stopped them (its status record), so no unit runs twice.
/// </summary>
public sealed record ClusterAssignment(
    long Generation,
    IReadOnlyDictionary<string, IReadOnlyList<WorkUnit>> Owners,
    IReadOnlyDictionary<WorkUnit, RevokedUnit> Revoked,
    IReadOnlyDictionary<string, long> DepartedAt
)
{
    /// <summary>No generation yet.</summary>
    public static ClusterAssignment Empty { get; } =
        new(
            0,
            new Dictionary<string, IReadOnlyList<WorkUnit>>(),
            new Dictionary<WorkUnit, RevokedUnit>(),
            new Dictionary<string, long>()
        );

    /// <summary>The units <paramref name="worker"/> runs in this generation.</summary>
    public IReadOnlyList<WorkUnit> Of(string worker) =>
        Owners.TryGetValue(worker, out var units) ? units : [];

    /// <summary>The worker that runs <paramref name="unit"/>, or null.</summary>
    public string? OwnerOf(WorkUnit unit) => Owners.FirstOrDefault(o => o.Value.Contains(unit)).Key;

    /// <summary>Whether both assign the same units to the same workers (the generation aside).</summary>
    public bool SameAs(ClusterAssignment other) => Canonical(this) == Canonical(other);

    private static string Canonical(ClusterAssignment a) =>
        a with { Generation = 0 } is var b ? b.ToJson() : string.Empty;

    internal string ToJson()
    {
        var owners = new JsonObject();
        foreach (var (worker, units) in Owners.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            owners[worker] = Units(units.Order());
        }
        var revoked = new JsonObject();
        foreach (var (unit, from) in Revoked.OrderBy(r => r.Key))
        {
            revoked[unit.ToString()] = new JsonObject
            {
                ["unit"] = Unit(unit),
                ["from"] = from.From,
                ["generation"] = from.Generation,
            };
        }
        var departed = new JsonObject();
        foreach (var (worker, at) in DepartedAt.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            departed[worker] = at;
        }
        return new JsonObject
        {
            ["generation"] = Generation,
            ["assignment"] = owners,
            ["revoked"] = revoked,
            ["departed"] = departed,
        }.ToJsonString();
    }

    internal static ClusterAssignment FromJson(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var owners = root["assignment"]!
            .AsObject()
            .ToDictionary(
                o => o.Key,
                o => (IReadOnlyList<WorkUnit>)[.. o.Value!.AsArray().Select(u => ParseUnit(u!))],
                StringComparer.Ordinal
            );
        var revoked = root["revoked"]!
            .AsObject()
            .ToDictionary(
                r => ParseUnit(r.Value!["unit"]!),
                r => new RevokedUnit(
                    r.Value!["from"]!.GetValue<string>(),
                    r.Value!["generation"]!.GetValue<long>()
                )
            );
        var departed = root["departed"]!
            .AsObject()
            .ToDictionary(d => d.Key, d => d.Value!.GetValue<long>(), StringComparer.Ordinal);
        return new ClusterAssignment(
            root["generation"]!.GetValue<long>(),
            owners,
            revoked,
            departed
        );
    }

    private static JsonArray Units(IEnumerable<WorkUnit> units) => [.. units.Select(Unit)];

    private static JsonNode Unit(WorkUnit unit) =>
        new JsonObject { ["connector"] = unit.Connector, ["task"] = unit.Task };

    private static WorkUnit ParseUnit(JsonNode node) =>
        new(node["connector"]!.GetValue<string>(), node["task"]?.GetValue<int>());
}
