using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Models;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The output record of a compiled chain as the Avro generator sees an .avsc file: parsed and
/// resolved from the chain's output schema, once for the emitted type and once for the record
/// accessor a sink that maps records (columns, document fields) reads it through.
/// </summary>
internal static class OutputRecordType
{
    /// <summary>The generated type of the output record, or null with the problems found.</summary>
    public static (AvroGeneratedType? Record, List<DiagnosticInfo> Problems) Resolve(
        string schemaPath,
        string schemaJson,
        string outputNamespace,
        string access
    )
    {
        var parsed = AvroSchemaParser.Parse(
            new SchemaFileInput(schemaPath, schemaJson, outputNamespace, access, Generate: true)
        );
        var (types, problems) = AvroNameTable.Resolve(new[] { parsed });
        var all = parsed.Diagnostics.Concat(problems).ToList();
        var record = types.FirstOrDefault(t => t.Definition.Path == "$");
        return (all.Count == 0 ? record : null, all);
    }
}
