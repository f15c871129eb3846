using KConnector.Configuration;

namespace KConnector.Rest.Tests;

/// <summary>What the REST tests' plugins (<see cref="CountingPlugin"/>, <see cref="CollectingSink"/>) share of their configs.</summary>
internal static class TestPluginConfig
{
    /// <summary>The keys every connector has: <c>name</c>, <c>connector.class</c>, <c>tasks.max</c>.</summary>
    public static ConfigKey[] CommonKeys =>
        [
            new ConfigKey
            {
                Name = "name",
                Type = ConfigType.String,
                Required = true,
                Group = "Common",
            },
            new ConfigKey
            {
                Name = "connector.class",
                Type = ConfigType.String,
                Group = "Common",
            },
            new ConfigKey
            {
                Name = "tasks.max",
                Type = ConfigType.Int,
                DefaultValue = "1",
                Min = 1,
                Group = "Common",
            },
        ];

    /// <summary>The config parsed by <paramref name="definition"/>, thrown as Kafka Connect's 400 answer when invalid.</summary>
    public static ParsedConfig ParseValid(
        ConfigDefinition definition,
        IReadOnlyDictionary<string, string> config
    )
    {
        var parsed = Parse(definition, config);
        parsed.ThrowIfInvalid(config.GetValueOrDefault("name") ?? "connector");
        return parsed;
    }

    public static ParsedConfig Parse(
        ConfigDefinition definition,
        IReadOnlyDictionary<string, string> config
    ) => definition.Parse(config.ToDictionary(kv => kv.Key, kv => (string?)kv.Value));
}
