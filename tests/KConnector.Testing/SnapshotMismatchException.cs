namespace KConnector.Testing;

/// <summary>
/// Thrown by <see cref="SnapshotVerifier"/> when the received text does not match the verified snapshot,
/// or when no verified snapshot exists yet.
/// </summary>
/// <remarks>
/// A dedicated type rather than an xunit assertion exception keeps this library free of test framework
/// dependencies; every framework reports an unhandled exception as a failed test.
/// </remarks>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SnapshotMismatchException()
        : this("The received text does not match the verified snapshot.") { }

    /// <summary>Creates the exception with the given message.</summary>
    /// <param name="message">The message shown by the test runner.</param>
    public SnapshotMismatchException(string message)
        : base(message) { }

    /// <summary>Creates the exception with the given message and inner exception.</summary>
    /// <param name="message">The message shown by the test runner.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>Creates the exception that <see cref="SnapshotVerifier"/> throws.</summary>
    /// <param name="message">The message shown by the test runner, including the diff.</param>
    /// <param name="verifiedFilePath">Full path of the verified snapshot (which may not exist).</param>
    /// <param name="receivedFilePath">Full path of the received file written for this run.</param>
    /// <param name="diff">The unified diff from the verified to the received text.</param>
    public SnapshotMismatchException(
        string message,
        string verifiedFilePath,
        string receivedFilePath,
        string diff
    )
        : base(message)
    {
        VerifiedFilePath = verifiedFilePath;
        ReceivedFilePath = receivedFilePath;
        Diff = diff;
    }

    /// <summary>Full path of the verified snapshot, or <see langword="null"/> when not set.</summary>
    public string? VerifiedFilePath { get; }

    /// <summary>Full path of the received file, or <see langword="null"/> when not set.</summary>
    public string? ReceivedFilePath { get; }

    /// <summary>The unified diff from the verified to the received text; empty when not set.</summary>
    public string Diff { get; } = "";
}
