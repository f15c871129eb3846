using System.CommandLine;
using System.Globalization;
using KConnector.Compiler.Plugins;
using KConnector.Compiler.Running;
using KConnector.Generator.Connectors;

namespace KConnector.Cli.Commands;

/// <summary>
/// <c>kconnector describe [connector]</c>: a built-in connector's config keys (its own, then the
/// Kafka Connect keys every connector of its kind has) with type, default, importance and doc, read
/// from the same descriptors (read from the referenced assemblies) the generator validates specs against. Without an argument, lists the
/// built-in connectors, transformations, predicates, converters, header converters and config
/// providers; a converter's
/// name shows what it carries and its settings (DescribeConverters). Exit code 1 for an unknown name.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var connector = new Argument<string?>("connector")
        {
            Description =
                "A connector.class, transformation, predicate or converter, or one of its aliases (e.g. FileStreamSink, AvroConverter); omit to list them.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command(
            "describe",
            "Show a built-in connector's (or a transformation's, a converter's) config keys: type, default, importance and doc."
        )
        {
            connector,
        };
        var worker = new Option<FileInfo?>("--worker", "-w")
        {
            Description =
                "A worker config (.properties) whose plugin.path plugins are described with the built-in ones, as Kafka Connect's GET /connector-plugins lists a worker's.",
        };
        command.Options.Add(worker);
        command.SetAction(
            async (parse, _) =>
                await DescribePluginPath
                    .ReadAsync(parse.GetValue(worker), error)
                    .ConfigureAwait(false)
                    is { } plugins
                    ? await RunAsync(parse.GetValue(connector), plugins, output, error)
                        .ConfigureAwait(false)
                    : ExitCodes.InvalidInput
        );
        return command;
    }

    private static async Task<int> RunAsync(
        string? name,
        PluginPath plugins,
        TextWriter output,
        TextWriter error
    )
    {
        var catalog = plugins.Catalog;
        if (string.IsNullOrWhiteSpace(name))
        {
            await output.WriteLineAsync("Built-in connectors:").ConfigureAwait(false);
            foreach (var known in catalog.Plugins)
            {
                await output
                    .WriteLineAsync(
                        $"  {known.ClassName} ({Kind(known.Kind)}; also {string.Join(", ", known.Aliases)})"
                    )
                    .ConfigureAwait(false);
            }
            await ListTransformsAsync(catalog, output).ConfigureAwait(false);
            await DescribeConverters.ListAsync(catalog, output).ConfigureAwait(false);
            await DescribeConfigProviders.ListAsync(output).ConfigureAwait(false);
            await DescribePluginPath.ListAsync(plugins, output).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        var connector = catalog.Find(name.Trim());
        if (
            connector is null
            && (
                catalog.FindTransform(name.Trim(), predicate: false)
                ?? catalog.FindTransform(name.Trim(), predicate: true)
            )
                is { } transform
        )
        {
            await DescribeTransformAsync(transform, output).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        if (
            connector is null
            && await DescribeConverters
                .TryDescribeAsync(catalog, name.Trim(), output)
                .ConfigureAwait(false)
        )
        {
            return ExitCodes.Success;
        }
        if (
            connector is null
            && await DescribeConfigProviders
                .TryDescribeAsync(name.Trim(), output)
                .ConfigureAwait(false)
        )
        {
            return ExitCodes.Success;
        }
        if (connector is null)
        {
            await error
                .WriteLineAsync(
                    $"Unknown connector '{name}'.{EditDistance.Suggestion(name, catalog.AllNames.Concat(DescribeConverters.Names(catalog)).Concat(DescribeConfigProviders.Names))} Built-in connectors: {string.Join(", ", catalog.Plugins.Select(c => c.ClassName))}."
                )
                .ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }
        await output
            .WriteLineAsync($"{connector.ClassName}: a {Kind(connector.Kind)} connector")
            .ConfigureAwait(false);
        await output
            .WriteLineAsync(
                $"  connector.class may also be: {string.Join(", ", connector.Aliases)}"
            )
            .ConfigureAwait(false);
        await output.WriteLineAsync($"  package: {connector.Assembly}").ConfigureAwait(false);
        if (DescribePluginPath.Location(plugins, connector.ClassName) is { } location)
        {
            await output.WriteLineAsync($"  location: {location}").ConfigureAwait(false);
        }
        var keys = connector
            .Keys.Select(k => (Key: k, BuildTime: false))
            .Concat(
                catalog
                    // A worker key the connector reads too (errors.tolerance for the JDBC sink) is shown once, with the connector's doc.
                    .FrameworkKeys.Where(k =>
                        k.AppliesTo(connector.Kind)
                        && !connector.Keys.Any(own => own.Name == k.Key.Name)
                    )
                    .Select(k => (k.Key, k.BuildTimeOnly))
            );
        foreach (var group in keys.GroupBy(k => k.Key.Group))
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(group.Key).ConfigureAwait(false);
            foreach (var (key, buildTime) in group)
            {
                await output.WriteLineAsync("  " + key.Name).ConfigureAwait(false);
                await output.WriteLineAsync($"    {Facts(key, buildTime)}").ConfigureAwait(false);
                await output.WriteLineAsync($"    {key.Doc}").ConfigureAwait(false);
            }
        }
        return ExitCodes.Success;
    }

    // Kafka Connect's GET /connector-plugins?connectorsOnly=false lists these kinds too.
    private static async Task ListTransformsAsync(
        KConnector.Generator.Plugins.PluginCatalog catalog,
        TextWriter output
    )
    {
        foreach (
            var (title, predicates) in new[] { ("Transformations:", false), ("Predicates:", true) }
        )
        {
            await output.WriteLineAsync(title).ConfigureAwait(false);
            foreach (var known in catalog.Transforms.Where(t => t.IsPredicate == predicates))
            {
                await output
                    .WriteLineAsync(
                        $"  {known.ClassName} (also {string.Join(", ", known.Aliases)})"
                    )
                    .ConfigureAwait(false);
            }
        }
    }

    private static async Task DescribeTransformAsync(
        KConnector.Generator.Plugins.TransformPluginModel transform,
        TextWriter output
    )
    {
        var kind = transform.IsPredicate ? "predicate" : "transformation";
        var list = transform.IsPredicate ? "predicates" : "transforms";
        await output.WriteLineAsync($"{transform.ClassName}: a {kind}").ConfigureAwait(false);
        await output
            .WriteLineAsync(
                $"  {list}.<alias>.type may also be: {string.Join(", ", transform.Aliases)}"
            )
            .ConfigureAwait(false);
        foreach (var key in transform.Keys)
        {
            await output.WriteLineAsync($"  {list}.<alias>.{key.Name}").ConfigureAwait(false);
            await output.WriteLineAsync($"    {Facts(key, false)}").ConfigureAwait(false);
            await output.WriteLineAsync($"    {key.Doc}").ConfigureAwait(false);
        }
    }

    internal static string Facts(ConfigKeyModel key, bool buildTime)
    {
        var facts = new List<string>
        {
            "type: " + key.Type.ToString().ToLowerInvariant(),
            "default: "
                + (
                    key.Default is { } d ? (d.Length == 0 ? "\"\"" : d)
                    : key.Required ? "none (required)"
                    : "none"
                ),
            "importance: " + key.Importance.ToLowerInvariant(),
        };
        if (key.Min is { } min)
        {
            facts.Add("min: " + min);
        }
        if (key.Max is { } max)
        {
            facts.Add("max: " + max);
        }
        if (key.OneOf.Count > 0)
        {
            facts.Add("one of: " + string.Join(", ", key.OneOf));
        }
        if (buildTime)
        {
            facts.Add("build time only");
        }
        return string.Join(", ", facts);
    }

    private static string Kind(ConnectorKind kind) =>
        kind.ToString().ToLower(CultureInfo.InvariantCulture);
}
