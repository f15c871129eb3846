using System.Runtime.CompilerServices;
using System.Text;

namespace KConnector.Testing;

/// <summary>
/// Compares generated text with a checked-in snapshot file, in the spirit of Verify (which cannot be
/// restored here): <c>Snapshots/&lt;name&gt;.verified.cs</c> holds the approved text, and a failing run
/// leaves <c>&lt;name&gt;.received.cs</c> beside it to inspect or accept.
/// </summary>
public static class SnapshotVerifier
{
    /// <summary>The folder, next to the calling test file, that holds snapshots.</summary>
    public const string SnapshotFolderName = "Snapshots";

    // Snapshots are written without a byte order mark so they diff cleanly in review tools.
    private static readonly UTF8Encoding FileEncoding = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Verifies <paramref name="actual"/> against <c>Snapshots/&lt;snapshotName&gt;.verified.&lt;extension&gt;</c>
    /// in the folder of the calling source file. Set the environment variable
    /// <see cref="SnapshotSettings.AcceptEnvironmentVariable"/> to <c>1</c> to accept new output.
    /// </summary>
    /// <param name="actual">The text produced by the code under test.</param>
    /// <param name="snapshotName">The file name stem of the snapshot, for example <c>Generator_EmitsSinkTask</c>.</param>
    /// <param name="extension">The snapshot file extension without the dot; default <c>cs</c>.</param>
    /// <param name="callerFilePath">Filled in by the compiler; do not pass.</param>
    /// <exception cref="SnapshotMismatchException">The snapshot is missing or differs, and accepting is off.</exception>
    public static void Verify(
        string actual,
        string snapshotName,
        string extension = "cs",
        [CallerFilePath] string callerFilePath = ""
    )
    {
        var settings = SnapshotSettings.FromEnvironment() with { Extension = extension };
        Verify(actual, snapshotName, SnapshotDirectoryFor(callerFilePath), settings);
    }

    /// <summary>
    /// Verifies <paramref name="actual"/> against <c>&lt;snapshotName&gt;.verified.&lt;extension&gt;</c> in
    /// <paramref name="snapshotDirectory"/>, with explicit settings (no environment is read).
    /// </summary>
    /// <param name="actual">The text produced by the code under test.</param>
    /// <param name="snapshotName">The file name stem of the snapshot.</param>
    /// <param name="snapshotDirectory">The folder holding the snapshot files; created when missing.</param>
    /// <param name="settings">The extension and whether to accept changes.</param>
    /// <exception cref="SnapshotMismatchException">The snapshot is missing or differs, and accepting is off.</exception>
    public static void Verify(
        string actual,
        string snapshotName,
        string snapshotDirectory,
        SnapshotSettings settings
    )
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotName);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotDirectory);
        ArgumentNullException.ThrowIfNull(settings);

        var extension = settings.Extension.TrimStart('.');
        var verifiedPath = Path.GetFullPath(
            Path.Combine(snapshotDirectory, $"{snapshotName}.verified.{extension}")
        );
        var receivedPath = Path.GetFullPath(
            Path.Combine(snapshotDirectory, $"{snapshotName}.received.{extension}")
        );

        // Compare and store with \n only: a snapshot checked out with CRLF on Windows is not a change.
        var received = NormalizeLineEndings(actual);
        var verifiedExists = File.Exists(verifiedPath);
        var verified = verifiedExists ? NormalizeLineEndings(File.ReadAllText(verifiedPath)) : null;

        if (verified == received)
        {
            DeleteIfExists(receivedPath);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);
        if (settings.AcceptChanges)
        {
            File.WriteAllText(verifiedPath, received, FileEncoding);
            DeleteIfExists(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, FileEncoding);
        var diff = UnifiedDiff.Create(verified ?? "", received, "verified", "received");
        var message = BuildMessage(snapshotName, verifiedExists, verifiedPath, receivedPath, diff);
        throw new SnapshotMismatchException(message, verifiedPath, receivedPath, diff);
    }

    private static string SnapshotDirectoryFor(string callerFilePath)
    {
        var callerDirectory = Path.GetDirectoryName(callerFilePath);

        // PathMap (set by ContinuousIntegrationBuild / SourceLink) rewrites caller paths to "/_/...",
        // which would silently point at a folder that does not exist; fail with the way out instead.
        if (string.IsNullOrEmpty(callerDirectory) || !Directory.Exists(callerDirectory))
        {
            throw new InvalidOperationException(
                $"The caller file path '{callerFilePath}' does not name a folder on this machine, so the "
                    + $"'{SnapshotFolderName}' folder cannot be found. Builds with PathMap or "
                    + "ContinuousIntegrationBuild=true rewrite source paths; build tests without them, or use "
                    + $"the {nameof(Verify)} overload that takes a snapshot directory."
            );
        }

        return Path.Combine(callerDirectory, SnapshotFolderName);
    }

    private static string BuildMessage(
        string snapshotName,
        bool verifiedExists,
        string verifiedPath,
        string receivedPath,
        string diff
    )
    {
        var builder = new StringBuilder();
        builder.Append(
            verifiedExists
                ? $"Snapshot '{snapshotName}' does not match the verified file."
                : $"Snapshot '{snapshotName}' has no verified file yet."
        );
        builder.Append('\n');
        builder.Append("Verified: ").Append(verifiedPath).Append('\n');
        builder.Append("Received: ").Append(receivedPath).Append('\n');
        builder.Append('\n');
        builder.Append(diff);
        builder.Append('\n');
        builder.Append(
            $"Review the diff, then set {SnapshotSettings.AcceptEnvironmentVariable}=1 to accept "
                + "(or copy the received file over the verified one) and run the tests again."
        );
        return builder.ToString();
    }

    private static string NormalizeLineEndings(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
