using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// Kafka Connect's <c>TopicNameMatches</c> for a compiled stage under it (docs/transforms.md,
/// "Compiled at build time"): the generated chain asks, per record, whether the topic the value
/// converter is given matches the predicate's <c>pattern</c> (a whole-name match, as the run-time
/// predicate's). Each pattern is compiled once, on first use; the build has checked it compiles.
/// </summary>
public static class CompiledTopicPredicate
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(
        StringComparer.Ordinal
    );

    /// <summary>Whether the whole of <paramref name="topic"/> matches <paramref name="pattern"/>.</summary>
    public static bool Matches(string topic, string pattern) =>
        Patterns.GetOrAdd(pattern, static p => TransformRegex.Compile("pattern", p)).IsMatch(topic);
}
