using System;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Plugins;

/// <summary>
/// A transformation or predicate plugin as the generator knows it from its descriptor (read from a
/// referenced assembly's metadata): the names <c>transforms.&lt;alias&gt;.type</c> or
/// <c>predicates.&lt;alias&gt;.type</c> may give and its config keys. Value-equatable.
/// </summary>
/// <param name="ClassName">The canonical class name.</param>
/// <param name="Aliases">Other accepted names (Kafka Connect's class names and short names).</param>
/// <param name="IsPredicate">Whether it is a predicate (else a transformation).</param>
/// <param name="Keys">Its own config keys.</param>
/// <param name="SchemalessOnly">A transformation that runs on schemaless (JsonNode) records only, which no spec's worker has (KCN0250).</param>
/// <param name="Descriptor">The descriptor class's fully qualified C# name (<c>global::...</c>), for the registration the generator writes; null for the runtime's built-ins.</param>
internal sealed record TransformPluginModel(
    string ClassName,
    EquatableArray<string> Aliases,
    bool IsPredicate,
    EquatableArray<ConfigKeyModel> Keys,
    string? Descriptor = null,
    bool SchemalessOnly = false
)
{
    public bool IsNamed(string name) =>
        string.Equals(ClassName, name, StringComparison.Ordinal)
        || Aliases.Any(a => string.Equals(a, name, StringComparison.Ordinal));
}
