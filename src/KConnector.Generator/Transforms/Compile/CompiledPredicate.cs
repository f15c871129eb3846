using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// A compiled stage under a predicate (<c>transforms.&lt;alias&gt;.predicate</c>, <c>negate</c>).
/// Compiled stages run in the value converter, which sees the record's topic and value, not its
/// headers, and writes one output schema. So: <c>RecordIsTombstone</c> compiles for every
/// value-side stage, since a compiled chain leaves a tombstone as it is (with <c>negate</c> the
/// stage applies to every record with a value: compiled as if unconditional; without, to
/// tombstones only: nothing to compile). <c>TopicNameMatches</c> compiles for the stages that
/// leave the record's schema as it is, <c>MaskField</c> and <c>HeaderFrom</c> with
/// <c>operation=copy</c> (Connect's MaskField keeps the schema, HeaderFrom copy too), chosen per
/// record by the topic; any other stage, a <c>$Key</c> one too, compiles when the build knows the
/// topics it sees and they decide the predicate alike (<see cref="BuildTimeTopics"/>): compiled in
/// or out. Otherwise it would need a second output schema for the records the predicate skips.
/// <c>HasHeaderKey</c> compiles for <c>MaskField</c>, chosen per record by the headers the runner
/// gives the chain (<c>CompiledRecordMetadata</c>), where they are those Connect's predicate would
/// see (<see cref="HeaderPredicateOrder"/>). The rest stays refused (KCN0258) with the reason.
/// </summary>
internal static class CompiledPredicate
{
    private const string BuiltIn = "KConnector.Transforms.";

    /// <summary>Whether the step's predicate is <c>RecordIsTombstone</c>.</summary>
    public static bool OnTombstones(TransformStep step) =>
        step.PredicateClass == BuiltIn + "RecordIsTombstone";

    /// <summary>Whether the step's predicate is <c>TopicNameMatches</c>.</summary>
    public static bool OnTopic(TransformStep step) =>
        step.PredicateClass == BuiltIn + "TopicNameMatches";

    /// <summary>Whether the step's predicate is <c>HasHeaderKey</c>.</summary>
    public static bool OnHeaders(TransformStep step) =>
        step.PredicateClass == BuiltIn + "HasHeaderKey";

    /// <summary>Why <paramref name="step"/> (of <paramref name="kind"/>) cannot compile under its predicate; null when it can.</summary>
    public static string? Refusal(
        TransformStep step,
        string kind,
        bool isKey,
        BuildTimeTopics topics
    )
    {
        var under = "\"" + step.Alias + "\" has a predicate (" + Name(step) + ")";
        if (isKey && OnTopic(step) && topics.Decide(step) == false)
        {
            // Compiling it to nothing would leave the key converter checked against a key the chain no longer makes.
            return under
                + ", which skips every record the stage sees (the build knows their topics): a $Key stage compiled to nothing is not supported yet; remove it from transforms";
        }
        if (OnTopic(step))
        {
            return (!isKey && LeavesSchema(step, kind)) || topics.Unknown(step) is null
                ? null
                : under
                    + ", and "
                    + (
                        isKey
                            ? "the key's compiled chain runs on every record"
                            : kind
                                + " changes the record's schema: a compiled chain has one output schema, which the records the predicate skips would not have"
                    )
                    + "; the build decides it only where it knows the topic, and here "
                    + topics.Unknown(step);
        }
        if (isKey)
        {
            return under
                + ", and the key's compiled chain runs on every record (predicates compile on value stages only, and TopicNameMatches where the build knows the topic)";
        }
        if (OnTombstones(step))
        {
            return null;
        }
        if (OnHeaders(step))
        {
            return kind == "MaskField"
                ? null
                : under
                    + ", which reads the record's headers: the compiled chain reads them for MaskField only"
                    + (
                        kind == "HeaderFrom"
                            ? " (a compiled HeaderFrom's headers are written apart from the value)"
                            : ", and "
                                + kind
                                + " changes the record's schema: a compiled chain has one output schema, which the records the predicate skips would not have"
                    );
        }
        return under
            + ", which the value converter, where compiled transformations run, cannot evaluate";
    }

    /// <summary>
    /// Whether the build decides <paramref name="step"/>'s TopicNameMatches itself (a stage that
    /// changes the schema, or a <c>$Key</c> one) rather than the chain per record by the topic.
    /// </summary>
    public static bool DecidedAtBuild(TransformStep step, string kind, bool isKey) =>
        step.Conditional && OnTopic(step) && (isKey || !LeavesSchema(step, kind));

    /// <summary>
    /// The C# condition under which a step applies: over <c>topic</c> under TopicNameMatches, over
    /// the record's headers (<c>metadata</c>, which the runner sets) under HasHeaderKey.
    /// </summary>
    public static string Condition(TransformStep step) =>
        (step.Negated ? "!" : string.Empty)
        + (
            OnHeaders(step)
                ? "metadata.HasHeaderKey("
                : "global::KConnector.Transforms.Compiled.CompiledTopicPredicate.Matches(topic, "
        )
        + EmitText.Literal(step.PredicateArgument ?? string.Empty)
        + ")";

    private static bool LeavesSchema(TransformStep step, string kind) =>
        kind == "MaskField"
        || (kind == "HeaderFrom" && step.Setting("operation")?.Text.Trim() == "copy");

    private static string Name(TransformStep step) =>
        step.PredicateClass is { } name && name.StartsWith(BuiltIn, System.StringComparison.Ordinal)
            ? name.Substring(BuiltIn.Length)
            : step.PredicateClass ?? "unknown";
}
