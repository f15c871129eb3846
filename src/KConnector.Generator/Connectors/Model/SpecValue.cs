namespace KConnector.Generator.Connectors;

/// <summary>One config value of a spec, as text (Kafka Connect config values are strings).</summary>
internal sealed record SpecValue(string Key, string Value);
