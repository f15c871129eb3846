using KConnector.Generator.Connectors;

namespace KConnector.Generator.Plugins;

/// <summary>
/// A transformation or predicate descriptor declared in the project being compiled (Kafka Connect's
/// user SMT, written next to the specs that name it), read by <c>ForAttributeWithMetadataName</c>.
/// Value-equatable: an edit elsewhere leaves it Cached.
/// </summary>
/// <param name="Plugin">The plugin as the spec checks see it (its <c>Descriptor</c> set, so the generated registration names it).</param>
/// <param name="Where">The <c>[ConnectPlugin]</c> attribute, for KCN0271 and KCN0272.</param>
/// <param name="CreateProblem">Why the worker cannot create it from the descriptor (KCN0271), or null.</param>
internal sealed record ProjectTransformPlugin(
    TransformPluginModel Plugin,
    SpecLocation Where,
    string? CreateProblem
);
