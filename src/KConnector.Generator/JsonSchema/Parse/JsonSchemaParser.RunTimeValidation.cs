using KConnector.Generator.Diagnostics;
using KConnector.Generator.Json;
using KConnector.Generator.JsonSchema.Validation;

namespace KConnector.Generator.JsonSchema;

internal sealed partial class JsonSchemaParser
{
    /// <summary>
    /// A keyword that constrains values without shaping the type: KCN0108 when the compiled
    /// validation checks it; KCN0112 when the validation planner does not compile it, so the whole
    /// schema falls back to NJsonSchema at run time (slower, not trim- or AOT-safe) — the user
    /// should know that from the build, not from a trimmed binary.
    /// </summary>
    private void ReportConstraint(JsonProperty keyword, string keywordPath, string reason) =>
        _diagnostics.Report(
            ValidationPlanner.IsNotCompiled(keyword.Name)
                ? DiagnosticDescriptors.JsonSchemaValidatedByLibrary
                : DiagnosticDescriptors.JsonSchemaConstraintNotInType,
            keyword.NameStart,
            keyword.NameEnd,
            keywordPath,
            keyword.Name,
            reason
        );
}
