using System;

namespace KConnector.Generator.Transforms;

/// <summary>
/// On a source a compiled <c>HeaderFrom</c> runs last, in the value converter, and its headers are
/// written after the record's own; the run-time stages the spec puts after it run before it. That
/// is the same record when they leave headers alone: routers, <c>Filter</c> and the predicates on
/// the topic or on tombstones (HeaderFrom changes neither). This names the run-time stages after it
/// that do not commute: <c>InsertHeader</c> and <c>DropHeaders</c> (the headers' order and which
/// of them are dropped would change) and a stage under a predicate that may read headers
/// (<c>HasHeaderKey</c>, a user's predicate).
/// </summary>
internal static class CompiledHeaderOrder
{
    private const string BuiltIn = "KConnector.Transforms.";
    private const string RunsLast =
        "compiled transformations run last (in the value converter), so it would run before them; put it first";

    /// <summary>Why <paramref name="runTime"/> may not follow <paramref name="headerFrom"/>; null when it may.</summary>
    public static string? Problem(TransformStep runTime, TransformStep headerFrom)
    {
        if (runTime.ClassName is BuiltIn + "InsertHeader" or BuiltIn + "DropHeaders")
        {
            return "it changes the headers after \""
                + headerFrom.Alias
                + "\" adds some, and "
                + RunsLast;
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
                + RunsLast;
        }
        return null;
    }
}
