using System.Collections.Immutable;
using KConnector.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Cli.Tests.PluginPath;

/// <summary>
/// A third party's plugin KConnector knows nothing of, as <c>plugin.path</c> finds it: the
/// packaged-plugin test's Acme.Connectors.Audit sources (tests/KConnector.Templates.Tests
/// PackagedPlugin: the AuditSink connector and the Caesar converter) and a transformation and a
/// config provider of its own (PluginPath/Acme.Extras: Shout, AuditVault), compiled with the KConnector generator as its project
/// is (the generator writes each descriptor's Definition) into <c>plugins/acme/</c> of a folder of
/// its own, as a package's lib folder or a build output holds it.
/// </summary>
public static class AcmePlugin
{
    private const string AssemblyName = "Acme.Connectors.Audit";

    private static readonly Lazy<string> Built = new(Build);

    /// <summary>The folder to give <c>plugin.path</c>: its subdirectory <c>acme</c> is the plugin.</summary>
    public static string PluginPath => Built.Value;

    /// <summary>The plugin's dll.</summary>
    public static string Dll => Path.Combine(PluginPath, "acme", AssemblyName + ".dll");

    private static string Build()
    {
        var sources = new[] { "PackagedPlugin/Acme.Connectors.Audit", "PluginPath/Acme.Extras" }
            .SelectMany(folder =>
                Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.cs")
            )
            .Order(StringComparer.Ordinal)
            .Select(file =>
                CSharpSyntaxTree.ParseText(
                    File.ReadAllText(file),
                    new CSharpParseOptions(LanguageVersion.Latest),
                    file
                )
            );
        var compilation = CSharpCompilation.Create(
            AssemblyName,
            [CSharpSyntaxTree.ParseText(ImplicitUsings), .. sources],
            References(),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable
            )
        );
        CSharpGeneratorDriver
            .Create(
                [new KConnectorGenerator().AsSourceGenerator()],
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest)
            )
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var folder = Directory.CreateTempSubdirectory("kconnector-plugin-path-").FullName;
        var plugin = Directory.CreateDirectory(Path.Combine(folder, "acme")).FullName;
        var result = output.Emit(Path.Combine(plugin, AssemblyName + ".dll"));
        var errors = diagnostics
            .Concat(result.Diagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToImmutableArray();
        if (!result.Success || errors.Length > 0)
        {
            throw new InvalidOperationException(
                "the plugin does not compile: " + string.Join("\n", errors)
            );
        }
        return folder;
    }

    // The project's <ImplicitUsings>enable</ImplicitUsings>.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    // What its project compiles against: .NET and KConnector (this test host carries both).
    private static IEnumerable<MetadataReference> References() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p =>
                !Path.GetFileName(p).StartsWith("Acme.", StringComparison.Ordinal)
                && !Path.GetFileNameWithoutExtension(p).EndsWith("Tests", StringComparison.Ordinal)
            )
            .Select(p => MetadataReference.CreateFromFile(p));
}
