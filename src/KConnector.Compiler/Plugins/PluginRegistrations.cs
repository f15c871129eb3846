using System.Globalization;
using System.Runtime.CompilerServices;
using KConnector.Errors;
using KConnector.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Compiler.Plugins;

/// <summary>
/// Registers the plugins of <c>plugin.path</c> with the worker's tables when the path is loaded,
/// before any spec is compiled: KConnector's generator runs over an empty project referencing them
/// and writes what it writes for any project referencing a package (module initializers registering
/// the package's converters, transformations, predicates and config providers), which is compiled,
/// loaded and initialized. So a worker's <c>config.providers</c> may name a plugin's provider, read
/// before any connector exists, as in Kafka Connect; no plugin type is looked up by reflection.
/// </summary>
internal static class PluginRegistrations
{
    /// <summary>Registers what the plugins of <paramref name="path"/> declare.</summary>
    public static void Register(PluginPath path)
    {
        if (path.Plugins.Count == 0)
        {
            return;
        }
        var compilation = CSharpCompilation.Create(
            "KConnectorPluginPath" + Guid.NewGuid().ToString("N"),
            [],
            path.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        );
        CSharpGeneratorDriver
            .Create(
                [new KConnectorGenerator().AsSourceGenerator()],
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest)
            )
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        using var image = new MemoryStream();
        var result = output.Emit(image);
        var errors = diagnostics
            .Concat(result.Diagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToList();
        if (!result.Success || errors.Count > 0)
        {
            throw new ConfigException(
                PluginDirectories.Key,
                $"{PluginDirectories.Key}: the plugins' registrations do not compile: {string.Join("; ", errors.Select(e => e.GetMessage(CultureInfo.InvariantCulture)))}"
            );
        }
        image.Position = 0;
        var assembly = new SpecLoadContext(path).LoadFromStream(image);
        try
        {
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }
        catch (Exception e) when (e is TypeInitializationException or ArgumentException)
        {
            // A name another plugin (of the tool or of a package) already answers to.
            var cause = e is TypeInitializationException { InnerException: { } inner } ? inner : e;
            throw new ConfigException(
                PluginDirectories.Key,
                $"{PluginDirectories.Key}: {cause.Message}"
            );
        }
    }
}
