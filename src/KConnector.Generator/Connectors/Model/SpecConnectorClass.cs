using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>A spec's connector.class as the parser read it.</summary>
/// <param name="Plugin">The referenced plugin it names, or null.</param>
/// <param name="UserClass">The name, when no referenced plugin has it: perhaps a [SourceConnector]/[SinkConnector] class of the project.</param>
/// <param name="Given">Whether the spec has the key at all.</param>
/// <param name="Where">Where it stands (the config object when missing).</param>
internal sealed record SpecConnectorClass(
    PluginModel? Plugin,
    string? UserClass,
    bool Given,
    SpecLocation Where
);
