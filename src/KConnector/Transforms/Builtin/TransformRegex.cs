using System.Text.RegularExpressions;
using KConnector.Errors;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Compiles a transform's or predicate's regular expression to match a whole string, as Java's
/// <c>Matcher.matches()</c> (Kafka Connect's RegexRouter and TopicNameMatches) does, with a
/// match timeout so that no pattern can hold a task for ever.
/// </summary>
internal static class TransformRegex
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static Regex Compile(string key, string pattern)
    {
        try
        {
            // \A(?:...)\z: a whole-string match; the group is non-capturing so $1 stays the user's first group.
            return new Regex(
                @"\A(?:" + pattern + @")\z",
                RegexOptions.CultureInvariant,
                MatchTimeout
            );
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(
                key,
                $"Invalid value {pattern} for configuration {key}: Invalid regex: {e.Message}"
            );
        }
    }
}
