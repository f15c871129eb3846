using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KConnector.Generator.Models;

/// <summary>Reads an AdditionalFile and its MSBuild item metadata into a <see cref="SchemaFileInput"/>.</summary>
internal static class SchemaFileInputs
{
    private const string Prefix = "build_metadata.AdditionalFiles.";

    public static SchemaFileInput Read(
        AdditionalText file,
        AnalyzerConfigOptionsProvider options,
        CancellationToken cancellationToken
    )
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var fileOptions = options.GetOptions(file);
        var ns = fileOptions.TryGetValue(Prefix + "KConnectorNamespace", out var n)
            ? n.Trim()
            : string.Empty;
        var access = fileOptions.TryGetValue(Prefix + "KConnectorAccess", out var a)
            ? a.Trim()
            : string.Empty;
        var generate =
            !fileOptions.TryGetValue(Prefix + "KConnectorGenerate", out var g)
            || !string.Equals(g.Trim(), "false", System.StringComparison.OrdinalIgnoreCase);
        var logicalTypes = fileOptions.TryGetValue(Prefix + "KConnectorLogicalTypes", out var l)
            ? l.Trim()
            : string.Empty;
        return new SchemaFileInput(file.Path, text, ns, access, generate, logicalTypes);
    }
}
