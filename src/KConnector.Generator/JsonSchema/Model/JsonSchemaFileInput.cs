using KConnector.Generator.Models;

namespace KConnector.Generator.JsonSchema;

/// <summary>
/// One *.schema.json file with its item metadata and the project's root namespace (the default
/// C# namespace, from the global option build_property.RootNamespace). Plain strings only.
/// </summary>
internal sealed record JsonSchemaFileInput(SchemaFileInput File, string RootNamespace);
