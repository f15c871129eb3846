using System;
using System.Collections.Generic;
using System.Linq;

namespace KConnector.Generator.Transforms;

/// <summary>
/// A compiled stage under <c>HasHeaderKey</c> reads the headers the runner gives the value
/// converter: on a source the record's after every run-time stage, on a sink the consumed record's.
/// Kafka Connect's predicate reads them at the stage's place in the chain, so the two agree unless a
/// stage that changes headers stands between: on a source an <c>InsertHeader</c> or
/// <c>DropHeaders</c> after it (it runs before the converter) or a compiled <c>HeaderFrom</c> before
/// it (its headers are written after the value is converted); on a sink an <c>InsertHeader</c> or
/// <c>DropHeaders</c> before it (it runs after the converter). This names that stage.
/// </summary>
internal static class HeaderPredicateOrder
{
    private const string BuiltIn = "KConnector.Transforms.";

    /// <summary>The stage that changes the headers <paramref name="compiled"/>'s predicate reads, and why; null when none.</summary>
    public static (TransformStep Step, string Reason)? Problem(
        TransformStep compiled,
        IEnumerable<TransformStep> chain,
        bool isSource
    )
    {
        if (!compiled.Conditional || !CompiledPredicate.OnHeaders(compiled))
        {
            return null;
        }
        var before = chain.TakeWhile(s => s.Alias != compiled.Alias).ToList();
        var after = chain.SkipWhile(s => s.Alias != compiled.Alias).Skip(1);
        var reads = "\"" + compiled.Alias + "\"'s predicate (HasHeaderKey) reads them";
        if (!isSource)
        {
            return before.FirstOrDefault(ChangesHeaders) is { } early
                ? (
                    early,
                    "it changes the headers before "
                        + reads
                        + ", and on a sink compiled transformations run first (in the value converter), so the predicate would see the headers consumed; put it after \""
                        + compiled.Alias
                        + "\""
                )
                : null;
        }
        if (after.FirstOrDefault(ChangesHeaders) is { } late)
        {
            return (
                late,
                "it changes the headers after "
                    + reads
                    + ", and compiled transformations run last (in the value converter), so the predicate would see the headers it leaves; put it before \""
                    + compiled.Alias
                    + "\""
            );
        }
        return before.FirstOrDefault(s => s.ClassName == BuiltIn + "HeaderFromValue") is { } copy
            ? (
                compiled,
                "its predicate (HasHeaderKey) reads the headers after \""
                    + copy.Alias
                    + "\" adds some, and a compiled HeaderFrom's headers are written after the value is converted, so the predicate would not see them"
            )
            : null;
    }

    private static bool ChangesHeaders(TransformStep step) =>
        step.ClassName is BuiltIn + "InsertHeader" or BuiltIn + "DropHeaders";
}
