using System.Collections.Generic;

namespace KConnector.Generator.Transforms;

/// <summary>
/// A compiled <c>HeaderFrom</c> runs in the value converter: on a source last, its headers written
/// after the record's own, the run-time stages the spec puts after it running before it; on a sink
/// first, its headers appended to those <c>header.converter</c> read, the run-time stages the spec
/// puts before it running after it. That is the same record when those stages leave headers alone:
/// routers, <c>Filter</c> and the predicates on the topic or on tombstones (HeaderFrom changes
/// neither). This names the run-time stages on the other side of it that do not commute:
/// <c>InsertHeader</c> and <c>DropHeaders</c> (the headers' order and which of them are dropped
/// would change) and a stage under a predicate that may read headers (<c>HasHeaderKey</c>, a
/// user's predicate).
/// </summary>
internal static class CompiledHeaderOrder
{
    private const string BuiltIn = "KConnector.Transforms.";
    private const string RunsLast =
        "compiled transformations run last (in the value converter), so it would run before them; put it first";
    private const string RunsFirst =
        "on a sink compiled transformations run first (in the value converter), so it would run after them; put it after them";

    /// <summary>On a source, why <paramref name="runTime"/> may not follow <paramref name="headerFrom"/>; null when it may.</summary>
    public static string? Problem(TransformStep runTime, TransformStep headerFrom) =>
        Conflict(runTime, headerFrom, "after", RunsLast);

    /// <summary>On a sink, the run-time stage that may not precede <paramref name="headerFrom"/>, and why; null when none.</summary>
    public static (TransformStep Step, string Reason)? SinkProblem(
        TransformStep headerFrom,
        IReadOnlyList<TransformStep> runTimeBefore
    )
    {
        foreach (var step in runTimeBefore)
        {
            if (Conflict(step, headerFrom, "before", RunsFirst) is { } reason)
            {
                return (step, reason);
            }
        }
        return null;
    }

    private static string? Conflict(
        TransformStep runTime,
        TransformStep headerFrom,
        string side,
        string why
    )
    {
        if (runTime.ClassName is BuiltIn + "InsertHeader" or BuiltIn + "DropHeaders")
        {
            return "it changes the headers "
                + side
                + " \""
                + headerFrom.Alias
                + "\" adds some, and "
                + why;
        }
        if (
            runTime.Conditional
            && runTime.PredicateClass
                is not (BuiltIn + "TopicNameMatches")
                    and not (BuiltIn + "RecordIsTombstone")
        )
        {
            return "its predicate ("
                + (runTime.PredicateClass ?? "unknown")
                + ") may read the headers \""
                + headerFrom.Alias
                + "\" adds, and "
                + why;
        }
        return null;
    }
}
