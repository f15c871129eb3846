using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>KCN0258: field-level transformations the build compiles into a spec's worker (docs/transforms.md, "Compiled at build time").</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor TransformNotCompiled = Error(
        "KCN0258",
        "Field-level transformation cannot be compiled",
        Where
            + "\"{3}\" cannot be compiled for the spec's typed records: {4}. A spec's worker runs field-level transformations compiled at build time (docs/transforms.md); change the chain, or run it in a hosted worker with JsonNode keys and values."
    );
}
