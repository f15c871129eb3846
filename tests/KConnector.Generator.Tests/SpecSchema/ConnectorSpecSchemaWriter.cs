using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Generator.Connectors;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Tests.SpecSchema;

/// <summary>
/// Writes schemas/connector.schema.json from the definitions the generator reads: the framework's
/// keys (ConnectorConfig, Sink/SourceConnectorConfig, the build-time keys) and every plugin
/// descriptor of the referenced connector assemblies. One branch per connector class lists exactly
/// the keys that connector takes (its own and its kind's framework keys) with its required keys, so an
/// editor refuses what the build refuses; a class of the project keeps its own keys open.
/// </summary>
internal static class ConnectorSpecSchemaWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema's text, with a final newline.</summary>
    public static string Write(PluginCatalog catalog) =>
        Root(catalog).ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static JsonObject Root(PluginCatalog catalog) =>
        new()
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] =
                "https://github.com/kconnector/kconnector/blob/main/schemas/connector.schema.json",
            ["title"] = "KConnector connector spec (*.connector.json)",
            ["description"] =
                "A connector in Kafka Connect's REST shape {\"name\", \"config\"}, compiled by the KConnector generator into a typed worker. Any string value may be a ${env:NAME} or ${file:path:key} reference, resolved when the worker starts. Written from the plugin definitions by tests/KConnector.Generator.Tests (KCONNECTOR_ACCEPT_DOCS=1); do not edit.",
            ["type"] = "object",
            ["required"] = ConfigKeySchema.Strings(["name", "config"]),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["$schema"] = new JsonObject
                {
                    ["description"] =
                        "The JSON Schema of this file, for IDE completion, e.g. ../schemas/connector.schema.json.",
                    ["type"] = "string",
                },
                ["name"] = new JsonObject
                {
                    ["description"] =
                        "Globally unique name of the connector. Also names the generated types: orders-file-sink gives OrdersFileSinkConfig, OrdersFileSinkWorker and AddOrdersFileSinkConnector.",
                    ["type"] = "string",
                    ["pattern"] = "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                },
                ["config"] = Config(catalog),
            },
        };

    private static JsonObject Config(PluginCatalog catalog)
    {
        var patterns = new JsonObject();
        var properties = ConnectorClassBranches.DocumentedKeys(catalog);
        foreach (var family in KeyFamily.For(catalog))
        {
            patterns[family.Pattern] = family.Schema();
            foreach (var name in family.Names ?? [])
            {
                properties[name] = family.Schema();
            }
        }
        return new JsonObject
        {
            ["description"] =
                "The connector's config, with Kafka Connect's keys and meanings. Values may be strings (as Kafka Connect's REST API takes them) or JSON numbers, booleans and arrays where the key's type allows.",
            ["type"] = "object",
            ["required"] = ConfigKeySchema.Strings(["connector.class"]),
            ["properties"] = properties,
            ["patternProperties"] = patterns,
            ["anyOf"] = ConnectorClassBranches.All(catalog),
        };
    }
}
