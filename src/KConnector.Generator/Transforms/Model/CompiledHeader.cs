namespace KConnector.Generator.Transforms;

/// <summary>
/// One header a compiled HeaderFrom adds: its name, the <c>HeaderValue</c> expression over the
/// task's <c>value</c>, and the condition (over <c>topic</c>) under which it is added, null when
/// always (a HeaderFrom under a TopicNameMatches predicate adds it only to the records it matches).
/// </summary>
internal sealed record CompiledHeader(string Name, string Expression, string? Condition);
