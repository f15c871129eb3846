using System;
using System.Linq;
using System.Text.RegularExpressions;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The topics a stage under <c>TopicNameMatches</c> sees, when the build knows them: on a
/// FileStreamSource every record goes to its <c>topic</c>, on a sink every record comes from one
/// of its <c>topics</c>, as long as no router or user transformation before the stage may have
/// renamed it. When they all decide the predicate alike the stage is compiled in or out, so a stage
/// that changes the schema needs no second output schema for the records the predicate skips.
/// The key the decision read is compiled with the chain (<see cref="Key"/>): a run-time value that
/// differs fails the task's start, as for the stage's own keys.
/// </summary>
internal sealed class BuildTimeTopics
{
    private const string BuiltIn = "KConnector.Transforms.";
    private const string FileSource = "KConnector.Connectors.File.FileStreamSource";

    private readonly ParsedSpec _spec;
    private readonly bool _isSource;

    public BuildTimeTopics(ParsedSpec spec, bool isSource)
    {
        _spec = spec;
        _isSource = isSource;
    }

    /// <summary>The config key the topics come from (<c>topic</c> on a source, <c>topics</c> on a sink).</summary>
    public string Key => _isSource ? "topic" : "topics";

    /// <summary>Whether <paramref name="step"/> applies to every record (true), to none (false), or the build cannot tell (null).</summary>
    public bool? Decide(TransformStep step) =>
        Unknown(step) is null ? Verdict(step, Topics()) : null;

    /// <summary>Why the build cannot decide <paramref name="step"/>'s predicate; null when it can.</summary>
    public string? Unknown(TransformStep step)
    {
        if (Renamer(step) is { } renamer)
        {
            return "\"" + renamer.Alias + "\" before it may change the topic the predicate sees";
        }
        var topics = Topics();
        if (topics is null)
        {
            return _isSource
                ? "the task names each record's topic (the build knows the topic of a FileStreamSource only)"
                : "the sink reads topics.regex, so the build does not know its topics";
        }
        if (TransformSpecChecker.RegexError(step.PredicateArgument ?? string.Empty) is not null)
        {
            return "its pattern does not compile";
        }
        if (Verdict(step, topics) is null)
        {
            return "of the topics the sink reads, "
                + string.Join(", ", topics.Where(t => Matches(step, t)))
                + " match and "
                + string.Join(", ", topics.Where(t => !Matches(step, t)))
                + " do not, so its records would need two output schemas";
        }
        return null;
    }

    private static bool? Verdict(TransformStep step, string[]? topics)
    {
        // A pattern that does not compile is reported at its key (KCN0263).
        if (
            topics is null
            || TransformSpecChecker.RegexError(step.PredicateArgument ?? string.Empty) is not null
        )
        {
            return null;
        }
        var matching = topics.Count(t => Matches(step, t));
        return matching == topics.Length ? !step.Negated
            : matching == 0 ? step.Negated
            : null;
    }

    // TopicNameMatches' whole-name match, as CompiledTopicPredicate makes it at run time.
    private static bool Matches(TransformStep step, string topic) =>
        new Regex(
            @"\A(?:" + (step.PredicateArgument ?? string.Empty) + @")\z",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1)
        ).IsMatch(topic);

    private string[]? Topics()
    {
        if (_isSource && _spec.Connector?.ClassName != FileSource)
        {
            return null;
        }
        if (!_isSource && Value("topics.regex") is { Length: > 0 })
        {
            return null;
        }
        var topics = Value(Key)
            ?.Split(',')
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return topics is { Length: > 0 } ? topics : null;
    }

    private string? Value(string key) =>
        _spec.Values.FirstOrDefault(v => v.Key == key)?.Value.Trim();

    // A run-time router or user transformation before the step: the topic it sees is not the configured one.
    private TransformStep? Renamer(TransformStep step) =>
        _spec
            .Transforms.TakeWhile(s => !ReferenceEquals(s, step) && s.Alias != step.Alias)
            .FirstOrDefault(s =>
                s.ClassName is BuiltIn + "RegexRouter" or BuiltIn + "TimestampRouter"
                || !s.ClassName.StartsWith(BuiltIn, StringComparison.Ordinal)
            );
}
