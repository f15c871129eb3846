using System.Text.Json.Nodes;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Tests.SpecSchema;

/// <summary>
/// A family of keys a spec names by prefix rather than one by one (a transformation alias's keys, a
/// client override, a converter's own setting): a pattern of the schema's <c>patternProperties</c>.
/// </summary>
/// <param name="Pattern">The regular expression the key names match.</param>
/// <param name="Schema">The schema of their values, with a description.</param>
/// <param name="Kind">The connector kind that takes them; null: both.</param>
internal sealed record KeyFamily(string Pattern, Func<JsonObject> Schema, ConnectorKind? Kind)
{
    private static readonly string[] AnyScalar = ["string", "number", "boolean"];

    /// <summary>The families the generator and the runtime accept, each checked by its own plugin.</summary>
    public static IReadOnlyList<KeyFamily> All { get; } =
    [
        new(
            "^(transforms|predicates)\\.[^.]+\\..+",
            () =>
                Scalar(
                    "A key of one alias of transforms or predicates: transforms.<alias>.type (a transformation's class or alias), .predicate, .negate, or one of the transformation's own keys (docs/transforms.md). The build checks each against the transformation's definition."
                ),
            null
        ),
        new(
            "^producer\\.override\\.",
            () =>
                Scalar(
                    "Source connectors: a producer client setting passed to librdkafka as it is (Kafka Connect's per-connector client override, KIP-458)."
                ),
            ConnectorKind.Source
        ),
        new(
            "^consumer\\.override\\.",
            () =>
                Scalar(
                    "Sink connectors: a consumer client setting passed to librdkafka as it is (max.poll.records sets the largest batch handed to one put)."
                ),
            ConnectorKind.Sink
        ),
        new(
            "^(key|value)\\.converter\\.(schemas\\.enable|auto\\.register\\.schemas|use\\.latest\\.version)$",
            () =>
                new JsonObject
                {
                    ["description"] =
                        "A boolean converter setting: schemas.enable (JsonConverter's schema/payload envelope, true by default), auto.register.schemas (true by default), use.latest.version (false by default).",
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["type"] = "boolean" },
                        new JsonObject
                        {
                            ["type"] = "string",
                            ["pattern"] =
                                "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|\\$\\{[^}]+\\})$",
                        }
                    ),
                },
            null
        ),
        new(
            "^(key|value)\\.converter\\..+",
            () =>
                Scalar(
                    "A setting of the key or value converter, passed to it with the prefix removed as Kafka Connect's worker does: Schema Registry settings (basic.auth.*, *.subject.name.strategy, ...), converter.encoding (StringConverter)."
                ),
            null
        ),
    ];

    public bool AppliesTo(ConnectorKind kind) => Kind is null || Kind == kind;

    private static JsonObject Scalar(string description) =>
        new() { ["description"] = description, ["type"] = ConfigKeySchema.Strings(AnyScalar) };
}
