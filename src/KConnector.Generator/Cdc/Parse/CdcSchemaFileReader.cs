using KConnector.Generator.Connectors;
using KConnector.Generator.Json;
using KConnector.Generator.Models;

namespace KConnector.Generator.Cdc;

/// <summary>
/// The top-level "type" of an .avsc, to tell a declared file that is not a record from one that
/// does not parse (whose own errors the Avro pipeline reports).
/// </summary>
internal static class CdcSchemaFileReader
{
    public static CdcSchemaFile Read(SchemaFileInput file)
    {
        var path = ConnectorSpecParser.NormalizePath(file.Path);
        try
        {
            var root = JsonParser.Parse(file.Text);
            var type =
                root.Kind == JsonKind.Object ? root["type"]?.Text ?? "an object without \"type\""
                : root.Kind == JsonKind.Array ? "a union"
                : root.Text ?? "null";
            return new CdcSchemaFile(path, type);
        }
        catch (JsonSyntaxException)
        {
            return new CdcSchemaFile(path, null);
        }
    }
}
