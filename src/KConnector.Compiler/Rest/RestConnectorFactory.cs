using System.Globalization;
using KConnector.Compiler;
using KConnector.Compiler.Plugins;
using KConnector.Compiler.Running;
using KConnector.Configuration;
using KConnector.Hosting;
using KConnector.Rest;
using Microsoft.CodeAnalysis;

namespace KConnector.Compiler.Rest;

/// <summary>
/// Connectors created over REST take <c>kconnector run</c>'s road: the config is compiled as a spec
/// (<see cref="RestConfigSpec"/>) by KConnector's own generator, checked as <c>validate</c> checks
/// a spec (<see cref="ConfigCheck"/>), and registered through the generated
/// <c>Add{Name}Connector</c> (<see cref="CompiledConnector.Register"/>), over the worker's settings.
/// Record types come from the schema files the config names, or from the Schema Registry
/// (<see cref="RegistrySchemas"/>), or are the converters' strings or bytes.
/// </summary>
internal sealed class RestConnectorFactory(IReadOnlyDictionary<string, string> workerSettings)
    : IConnectorFactory
{
    // The worker's plugin.path, loaded once per process (checked by the command that started it).
    private readonly Lazy<PluginPath> _pluginPath = new(() => PluginPath.For(workerSettings));
    private readonly Lazy<IReadOnlyList<ConnectorPlugin>> _plugins = new(() =>
        CatalogPlugins.Read(PluginPath.For(workerSettings).Catalog)
    );
    private readonly Lock _compiling = new();

    // A distributed worker makes the registration of one config several times (to validate it, to
    // run its tasks, to show it over REST): each spec and schema text compiles once.
    private readonly Dictionary<string, SpecCompilation> _compiled = new(StringComparer.Ordinal);

    // Where the schemas read from a Schema Registry are written to be compiled: this process's own.
    private readonly Lazy<string> _registrySchemas = new(() =>
        Directory.CreateTempSubdirectory("kconnector-registry-schemas-").FullName
    );

    /// <inheritdoc/>
    public IReadOnlyList<ConnectorPlugin> Plugins => _plugins.Value;

    /// <inheritdoc/>
    public ConnectorRegistration Create(IReadOnlyDictionary<string, string> config)
    {
        var (connector, settings) = Compile(config);
        if (ConfigCheck.Check(connector, settings) is { } invalid)
        {
            throw invalid;
        }
        return connector.Register(settings.Connector);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ConfigIssue> Validate(IReadOnlyDictionary<string, string> config)
    {
        var named = new Dictionary<string, string>(config, StringComparer.Ordinal);
        named.TryAdd("name", "validate");
        try
        {
            var (connector, settings) = Compile(named);
            return ConfigCheck.Check(connector, settings)?.Issues ?? [];
        }
        catch (ConfigValidationException e)
        {
            return e.Issues;
        }
    }

    private (CompiledConnector Connector, StandaloneSettings Settings) Compile(
        IReadOnlyDictionary<string, string> config
    )
    {
        var name = config.GetValueOrDefault("name") ?? string.Empty;
        // An AvroConverter with a registry and no schema file: the subject's latest schema is the type.
        config = RegistrySchemas.Resolve(config, _registrySchemas.Value);
        var spec = RestConfigSpec.From(config, Environment.CurrentDirectory);
        SpecCompilation compiled;
        var key = CacheKey(spec);
        lock (_compiling)
        {
            if (!_compiled.TryGetValue(key, out compiled!))
            {
                compiled = SpecCompiler.CompileInMemory(
                    spec.SpecPath,
                    spec.Json,
                    spec.SchemaFiles,
                    _pluginPath.Value
                );
                _compiled[key] = compiled;
            }
        }
        if (compiled.HasErrors || compiled.Assembly is null)
        {
            var issues = compiled
                .Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => Issue(d, config))
                .ToList();
            throw new ConfigValidationException(name, issues);
        }
        var connector = CompiledConnector.FindAll(compiled.Assembly).Single();
        return (connector, StandaloneSettings.From(workerSettings, [connector]));
    }

    // The spec and the text of every schema file it compiles with (a schema edited on disk is
    // compiled again).
    private static string CacheKey(RestConfigSpec spec) =>
        string.Join(
            "\n\u0000",
            [
                spec.SpecPath,
                spec.Json,
                .. spec.SchemaFiles.Select(f =>
                    f + "\n" + (File.Exists(f) ? File.ReadAllText(f) : string.Empty)
                ),
            ]
        );

    // A compiler diagnostic as an issue of the config key it is about: the longest key of the
    // config its message names (the spec's JSON lines mean nothing to a REST client).
    private static ConfigIssue Issue(
        Diagnostic diagnostic,
        IReadOnlyDictionary<string, string> config
    )
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var key = config
            .Keys.Where(k => message.Contains(k, StringComparison.Ordinal))
            .OrderByDescending(k => k.Length)
            .FirstOrDefault();
        return new ConfigIssue(
            key ?? "connector.class",
            UrlRedaction.RedactIn($"{diagnostic.Id}: {message}") ?? diagnostic.Id
        );
    }
}
