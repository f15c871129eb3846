using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>
/// A connector spec after its own checks, before schema files are looked up. Null members mean the
/// spec had errors there; <see cref="Connector"/> is null when no worker can be generated.
/// </summary>
internal sealed record ParsedSpec(
    string Path,
    string Namespace,
    string Access,
    string ConnectorName,
    SpecLocation NameLocation,
    BuiltInConnector? Connector,
    SpecLocation ClassLocation,
    EquatableArray<SpecValue> Values,
    SchemaReference? KeySchema,
    SchemaReference? ValueSchema,
    ConverterChoice? KeyConverter,
    ConverterChoice? ValueConverter,
    EquatableArray<DiagnosticInfo> Diagnostics
);
