namespace KConnector.Testing;

/// <summary>What one step of a line edit script does.</summary>
internal enum DiffOperationKind
{
    /// <summary>The line is in both texts.</summary>
    Equal,

    /// <summary>The line is only in the old text.</summary>
    Delete,

    /// <summary>The line is only in the new text.</summary>
    Insert,
}
