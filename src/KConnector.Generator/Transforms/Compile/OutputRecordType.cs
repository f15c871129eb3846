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
        var (types, problems) = ResolveAll(schemaPath, schemaJson, outputNamespace, access);
        return (types.FirstOrDefault(t => t.Definition.Path == "$"), problems);
    }

    /// <summary>Every generated type of the output schema (the record and the structs nested in it), none when there are problems.</summary>
    public static (List<AvroGeneratedType> Types, List<DiagnosticInfo> Problems) ResolveAll(
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
        return (all.Count == 0 ? types.ToList() : new List<AvroGeneratedType>(), all);
    }
}
