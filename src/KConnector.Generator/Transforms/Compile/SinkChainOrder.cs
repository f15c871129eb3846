using System;
using System.Collections.Generic;
using System.Linq;

namespace KConnector.Generator.Transforms;

/// <summary>
/// On a sink, compiled transformations run first, in the value converter, and the run-time chain
/// after them in the runner (Kafka Connect's sink converts, then transforms). A run-time stage the
/// spec puts before a compiled one therefore runs after it, which gives the same record only when
/// the two commute: this names the orders where they do not. A user transformation before a
/// compiled one (it would see the record after them); a <c>Filter</c> before one (a record it drops
/// could fail the compiled stage instead, an error in place of a skip); a router before an
/// <c>InsertField</c> that inserts the topic (it would insert the topic the record was read from).
/// Routers, <c>InsertHeader</c> and <c>DropHeaders</c> otherwise commute: compiled stages read no
/// header and no topic but through <c>topic.field</c>.
/// </summary>
internal static class SinkChainOrder
{
    private const string BuiltIn = "KConnector.Transforms.";
    private const string RunsFirst =
        "on a sink compiled transformations run first (in the value converter)";

    /// <summary>The run-time stage that may not precede <paramref name="compiled"/>, and why; null when none.</summary>
    public static (TransformStep Step, string Reason)? Problem(
        TransformStep compiled,
        IReadOnlyList<TransformStep> runTimeBefore
    )
    {
        if (
            runTimeBefore.FirstOrDefault(s =>
                !s.ClassName.StartsWith(BuiltIn, StringComparison.Ordinal)
            ) is
            { } user
        )
        {
            return (
                user,
                "it is a user transformation before the compiled \""
                    + compiled.Alias
                    + "\", and "
                    + RunsFirst
                    + ", so it would see the record after them; put it after them"
            );
        }
        if (runTimeBefore.FirstOrDefault(s => s.ClassName == BuiltIn + "Filter") is { } filter)
        {
            return (
                filter,
                "it drops records before the compiled \""
                    + compiled.Alias
                    + "\", and "
                    + RunsFirst
                    + ", so a record it drops could fail them instead; put it after them"
            );
        }
        var insertsTopic =
            compiled.ClassName == BuiltIn + "InsertFieldValue"
            && compiled.Setting("topic.field")?.Text.Trim().Length > 0;
        var matchesTopic = compiled.Conditional && CompiledPredicate.OnTopic(compiled);
        if (
            (insertsTopic || matchesTopic)
            && runTimeBefore.FirstOrDefault(s =>
                s.ClassName is BuiltIn + "RegexRouter" or BuiltIn + "TimestampRouter"
            )
                is { } router
        )
        {
            return (
                compiled,
                (insertsTopic ? "it inserts the topic" : "its predicate matches the topic")
                    + " after \""
                    + router.Alias
                    + "\" routes the record, and "
                    + RunsFirst
                    + (
                        insertsTopic
                            ? ", so the inserted topic would be the one the record was read from"
                            : ", so the predicate would see the topic the record was read from"
                    )
                    + "; put the router after it"
            );
        }
        return null;
    }
}
