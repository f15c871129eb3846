namespace KConnector.Testing;

/// <summary>
/// One step of a line edit script.
/// </summary>
/// <remarks>
/// Both indices are always set, even for the side the line is not on (there they give the position the
/// step happens at), because hunk headers need the start of both ranges even when one is empty.
/// </remarks>
/// <param name="Kind">Whether the line is kept, deleted or inserted.</param>
/// <param name="OldIndex">Zero-based line index (or position, for an insert) in the old text.</param>
/// <param name="NewIndex">Zero-based line index (or position, for a delete) in the new text.</param>
internal readonly record struct DiffOperation(DiffOperationKind Kind, int OldIndex, int NewIndex);
