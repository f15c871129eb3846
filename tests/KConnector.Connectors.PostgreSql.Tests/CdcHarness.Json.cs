using System.Text.Json;
using KConnector.Connectors.Sql.Tests;
using KConnector.Offsets;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>The harness of a task writing Debezium's JSON text, with readers of that JSON.</summary>
internal sealed class CdcHarness(
    PostgreSqlServer server,
    string name,
    IReadOnlyDictionary<string, string?>? extra = null,
    MemoryOffsetBackingStore? offsets = null
) : CdcHarness<string>(server, name, extra, offsets)
{
    /// <summary>The payload of a JSON value written with schemas.enable=true.</summary>
    public static JsonElement Payload(string? json) =>
        JsonDocument.Parse(json!).RootElement.GetProperty("payload");

    /// <summary>The schema of a JSON value written with schemas.enable=true.</summary>
    public static JsonElement Schema(string? json) =>
        JsonDocument.Parse(json!).RootElement.GetProperty("schema");
}
