using System.Collections.Immutable;
using System.Reflection;
using KConnector.Compiler.Plugins;
using KConnector.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Compiler;

/// <summary>
/// Compiles connector specs the way a project that references KConnector does: KConnector's own
/// source generator runs over the specs and the schema files beside them (every <c>*.avsc</c> and
/// <c>*.schema.json</c> under the spec's folder, as the package's default items would include them),
/// against the built-in connectors this tool carries and the plugins of the worker's
/// <c>plugin.path</c> (<see cref="PluginPath"/>). So <c>validate</c> reports exactly the compiler's diagnostics
/// (KCN0001...) with the same messages, and <c>run</c> gets the same generated workers.
/// </summary>
internal static class SpecCompiler
{
    /// <summary>
    /// The runtime and the built-in connectors' assemblies the generated workers use: every
    /// <c>KConnector.Connectors.*</c> assembly the tool carries (its project references each
    /// <c>src/KConnector.Connectors.*</c> project), found among the host's assemblies, not listed.
    /// </summary>
    internal static readonly IReadOnlyList<Assembly> BuiltInConnectorAssemblies =
    [
        typeof(KConnector.Records.SinkRecord<,>).Assembly,
        .. ConnectorAssemblies.Carried(),
    ];

    // The schema files KConnector.props makes generator inputs by default (its **/*.avsc and
    // **/*.schema.json): a spec sees here what it sees in a build.
    internal static readonly string[] SchemaFilePatterns = ["*.avsc", "*.schema.json"];

    /// <summary>
    /// The schema files a spec sees: every <c>*.avsc</c> and <c>*.schema.json</c> of its project (the
    /// nearest folder above it holding a <c>*.csproj</c>, as the package's default items include
    /// them), or of the spec's own folder tree when it is in no project; build output is skipped.
    /// </summary>
    public static IReadOnlyList<string> SchemaFilesBeside(string specPath)
    {
        var specDirectory = Path.GetDirectoryName(Path.GetFullPath(specPath))!;
        var directory = ProjectDirectory(specDirectory) ?? specDirectory;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
        };
        return
        [
            .. SchemaFilePatterns
                .SelectMany(pattern => Directory.EnumerateFiles(directory, pattern, options))
                .Where(p =>
                {
                    var relative = "/" + Path.GetRelativePath(directory, p).Replace('\\', '/');
                    return !relative.Contains("/bin/", StringComparison.Ordinal)
                        && !relative.Contains("/obj/", StringComparison.Ordinal);
                })
                .Order(StringComparer.Ordinal),
        ];
    }

    private static string? ProjectDirectory(string start)
    {
        for (
            var directory = new DirectoryInfo(start);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (directory.EnumerateFiles("*.csproj").Any())
            {
                return directory.FullName;
            }
        }
        return null;
    }

    /// <summary>
    /// Runs the generator over <paramref name="specPaths"/> (full paths of existing files) and their
    /// schemas; with <paramref name="emit"/>, also compiles and loads the result.
    /// </summary>
    public static SpecCompilation Compile(
        IReadOnlyList<string> specPaths,
        bool emit,
        PluginPath plugins
    )
    {
        // A .properties connector config reaches the generator as the spec of the same keys.
        var properties = specPaths
            .Where(PropertiesSpec.IsProperties)
            .Select(PropertiesSpec.Read)
            .Where(p => p.IsConnector)
            .ToList();
        var files = specPaths
            .Where(p => !PropertiesSpec.IsProperties(p))
            .Select(Path.GetFullPath)
            .Concat(specPaths.SelectMany(SchemaFilesBeside))
            .Distinct(StringComparer.Ordinal)
            .Select(p => (AdditionalText)new FileAdditionalText(p))
            .Concat(properties.Select(p => new InMemoryAdditionalText(p.SpecPath, p.Json)))
            .ToImmutableArray();
        return Compile(files, properties, emit, plugins);
    }

    /// <summary>
    /// Compiles a connector config given over REST as the spec of the same keys (held in memory at
    /// <paramref name="specPath"/>) with the schema files in <paramref name="schemaFiles"/>: the
    /// road <c>kconnector run</c> takes for a spec file, so a REST-created connector gets the same
    /// generated worker and the same diagnostics.
    /// </summary>
    public static SpecCompilation CompileInMemory(
        string specPath,
        string specJson,
        IReadOnlyList<string> schemaFiles,
        PluginPath plugins
    )
    {
        var files = schemaFiles
            .Distinct(StringComparer.Ordinal)
            .Select(p => (AdditionalText)new FileAdditionalText(p))
            .Append(new InMemoryAdditionalText(specPath, specJson))
            .ToImmutableArray();
        return Compile(files, [], emit: true, plugins);
    }

    private static SpecCompilation Compile(
        ImmutableArray<AdditionalText> files,
        IReadOnlyList<PropertiesSpec> properties,
        bool emit,
        PluginPath plugins
    )
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "KConnectorSpecs" + Guid.NewGuid().ToString("N"),
            [],
            plugins.References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release
            )
        );
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new KConnectorGenerator().AsSourceGenerator()],
            files,
            parseOptions
        );
        driver.RunGeneratorsAndUpdateCompilation(
            compilation,
            out var output,
            out var generatorDiagnostics
        );
        var diagnostics = generatorDiagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        if (!emit || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new SpecCompilation(diagnostics, null, properties);
        }
        using var image = new MemoryStream();
        var result = output.Emit(image);
        if (!result.Success)
        {
            diagnostics.AddRange(
                result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            );
            return new SpecCompilation(diagnostics, null, properties);
        }
        image.Position = 0;
        // A context of its own per run: two runs in one process (tests) load two assemblies; the
        // runtime and connector assemblies resolve from the default context, so types match, and
        // a plugin's from its own context.
        var context = new SpecLoadContext(plugins);
        return new SpecCompilation(diagnostics, context.LoadFromStream(image), properties);
    }
}
