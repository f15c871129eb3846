namespace KConnector.Connectors.Sql.Dialects;

/// <summary>
/// A statement's text and, for each of its parameters in order, the index of the column whose
/// value it takes (an UPDATE binds the non-key columns first, then the keys).
/// </summary>
/// <param name="Text">The SQL text.</param>
/// <param name="ParameterColumns">Column indices, one per parameter, in parameter order.</param>
public sealed record SqlStatement(string Text, IReadOnlyList<int> ParameterColumns);
