using KConnector.Configuration;
using KConnector.Worker;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// What a spec's generated worker does with the transformations the build compiled into its value
/// converter (<see cref="SourceChainConverter{TValue,TOutput}"/>): they leave the run-time chain,
/// which keeps the rest (routers, Filter, predicates, header transformations) in order. Their
/// settings are fixed when the project builds, so a run-time value that differs (a <c>--set</c>, an
/// environment override) is refused, naming the key, rather than silently not applied.
/// </summary>
public static class CompiledTransformations
{
    /// <summary>
    /// <paramref name="options"/> without the stages of <paramref name="aliases"/> in its chain,
    /// after checking that <paramref name="config"/> has the <paramref name="compiled"/> values
    /// (<c>transforms</c> and the compiled aliases' keys, as the spec gave them) and no other key of
    /// a compiled alias.
    /// </summary>
    /// <exception cref="ConfigValidationException">A compiled setting differs at run time.</exception>
    public static WorkerOptions Without(
        WorkerOptions options,
        ParsedConfig config,
        IReadOnlyList<KeyValuePair<string, string>> compiled,
        params string[] aliases
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(aliases);
        var issues = Differences(config, compiled, aliases);
        if (issues.Count > 0)
        {
            throw new ConfigValidationException(options.Name, issues);
        }
        var names = new HashSet<string>(aliases, StringComparer.Ordinal);
        return options with
        {
            Transformations = new TransformationChain(
                options.Transformations.Stages.Where(s => !names.Contains(s.Alias)).ToList()
            ),
        };
    }

    private static List<ConfigIssue> Differences(
        ParsedConfig config,
        IReadOnlyList<KeyValuePair<string, string>> compiled,
        string[] aliases
    )
    {
        var expected = compiled.ToDictionary(
            c => c.Key,
            c => c.Value.Trim(),
            StringComparer.Ordinal
        );
        var issues = new List<ConfigIssue>();
        foreach (var (key, value) in config.Originals)
        {
            var ours =
                expected.ContainsKey(key)
                || aliases.Any(a =>
                    key.StartsWith("transforms." + a + ".", StringComparison.Ordinal)
                );
            var text = value?.Trim() ?? string.Empty;
            if (ours && (!expected.TryGetValue(key, out var built) || built != text))
            {
                issues.Add(
                    new ConfigIssue(
                        key,
                        $"the build compiled this transformation into the worker with {(built is null ? "no value here" : "\"" + built + "\"")}, and \"{text}\" would not apply: change the spec and rebuild (docs/transforms.md, \"Compiled at build time\")"
                    )
                );
            }
        }
        return issues;
    }
}
