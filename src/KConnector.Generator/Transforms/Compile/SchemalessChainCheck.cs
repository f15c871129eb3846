using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Models;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The chain of a spec whose value is schemaless JSON (<c>KConnector.Json.SchemalessJson</c>): nothing
/// is compiled, every stage runs at run time on the JSON as a hosted worker's chain runs on
/// <c>JsonNode</c>. The build still refuses (KCN0250) what would fail on every record there: Kafka
/// Connect's <c>SetSchemaMetadata</c>, which needs a schema, and a stage that reads or makes the key
/// when the key is not schemaless JSON too.
/// </summary>
internal static class SchemalessChainCheck
{
    /// <summary>No compiled chain (null), with KCN0250 for each stage that cannot run on the records.</summary>
    public static CompiledChain? RunTimeChain(
        ParsedSpec spec,
        bool keyIsSchemaless,
        List<DiagnosticInfo> diagnostics
    )
    {
        if (diagnostics.Count > spec.Diagnostics.Count)
        {
            // The fold reported a stage that cannot apply (a key stage on a string key): said once.
            return null;
        }
        foreach (var step in spec.Transforms)
        {
            if (Problem(step, keyIsSchemaless) is { } reason)
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.TransformNeedsSchemalessRecords,
                        step.TypeWhere,
                        step.TypeName,
                        reason
                    )
                );
            }
        }
        return null;
    }

    private static string? Problem(TransformStep step, bool keyIsSchemaless)
    {
        var (kind, isKey) = CompiledChainPlanner.KindOf(step.ClassName);
        if (kind is null)
        {
            return null;
        }
        if (kind == "SetSchemaMetadata")
        {
            // SetSchemaMetadata.apply: requireSchema(..., "updating schema metadata").
            return "the "
                + (isKey ? "key" : "value")
                + " is schemaless JSON, and Kafka Connect's SetSchemaMetadata needs a schema (\"Schema required for [updating schema metadata]\" on every record): name an .avsc in "
                + (isKey ? "key.schema" : "value.schema");
        }
        return isKey && !keyIsSchemaless
            ? "the value is schemaless JSON, so the chain runs at run time, and the key is not (it has key.schema, or key.converter is not org.apache.kafka.connect.json.JsonConverter): read the key as schemaless JSON too"
            : null;
    }
}
