using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>
/// A connector spec after its own checks, before schema files are looked up. Null members mean the
/// spec had errors there. <see cref="Connector"/> is a plugin of a referenced assembly; otherwise <see cref="UserClass"/>
/// names a class the resolver looks for among the project's attribute connectors, and
/// <see cref="Deferred"/> holds the entries only that class's keys can check;
/// <see cref="ConverterSettings"/> the key.converter.* / value.converter.* entries, checked against
/// the converters the resolver picks. <see cref="Transforms"/> is the checked transformation chain,
/// folded over the schemas by the resolver.
/// </summary>
internal sealed record ParsedSpec(
    string Path,
    string Namespace,
    string Access,
    string ConnectorName,
    SpecLocation NameLocation,
    Plugins.PluginModel? Connector,
    string? UserClass,
    SpecLocation ClassLocation,
    EquatableArray<SpecValue> Values,
    EquatableArray<SpecEntry> Deferred,
    EquatableArray<SpecEntry> ConverterSettings,
    SchemaReference? KeySchema,
    SchemaReference? ValueSchema,
    ConverterChoice? KeyConverter,
    ConverterChoice? ValueConverter,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<Transforms.TransformStep> Transforms = default
);
