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

    /// <summary>
    /// Why the compiled <paramref name="headerFrom"/> (a <c>$Key</c> one when
    /// <paramref name="isKey"/>) cannot run where the spec puts it, and the stage at fault: on a
    /// sink (<paramref name="sinkRunTimeBefore"/> the run-time stages before it; null on a source)
    /// one of those that changes or reads headers; a <c>HeaderFrom$Key</c> after the compiled
    /// <paramref name="valueHeaderFrom"/> (the key converter's headers come first). Null when it can.
    /// </summary>
    public static (TransformStep Step, string Reason)? Placement(
        TransformStep headerFrom,
        bool isKey,
        IReadOnlyList<TransformStep>? sinkRunTimeBefore,
        TransformStep? valueHeaderFrom
    )
    {
        foreach (var step in sinkRunTimeBefore ?? System.Array.Empty<TransformStep>())
        {
            if (Conflict(step, headerFrom, "before", RunsFirst) is { } reason)
            {
                return (step, reason);
            }
        }
        if (isKey && valueHeaderFrom is { } value)
        {
            return (
                headerFrom,
                "the key's compiled headers are added before the value's (the key converter runs first), so they would come before those of \""
                    + value.Alias
                    + "\"; put it before \""
                    + value.Alias
                    + "\""
            );
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
