namespace KConnector.Testing;

/// <summary>
/// Options for one <see cref="SnapshotVerifier"/> call.
/// </summary>
/// <remarks>
/// The accept flag is a setting rather than only an environment read so that tests of the verifier can
/// exercise both modes without mutating process-wide state (xunit runs test classes in parallel).
/// </remarks>
public sealed record SnapshotSettings
{
    /// <summary>
    /// The environment variable that, when <c>1</c> or <c>true</c>, makes mismatches overwrite the
    /// verified snapshot instead of failing.
    /// </summary>
    public const string AcceptEnvironmentVariable = "KCONNECTOR_ACCEPT_SNAPSHOTS";

    /// <summary>
    /// File extension of the snapshot files, without the leading dot. Default <c>cs</c>, giving
    /// <c>&lt;name&gt;.verified.cs</c> and <c>&lt;name&gt;.received.cs</c>.
    /// </summary>
    public string Extension { get; init; } = "cs";

    /// <summary>
    /// When <see langword="true"/>, a missing or different snapshot is written as the new verified file and
    /// the verification passes. Default <see langword="false"/>.
    /// </summary>
    public bool AcceptChanges { get; init; }

    /// <summary>
    /// Settings whose <see cref="AcceptChanges"/> comes from <see cref="AcceptEnvironmentVariable"/>.
    /// </summary>
    /// <returns>Settings with the default extension.</returns>
    public static SnapshotSettings FromEnvironment() =>
        new()
        {
            AcceptChanges = IsAcceptValue(
                Environment.GetEnvironmentVariable(AcceptEnvironmentVariable)
            ),
        };

    // Only explicit opt-in values count: an accidental "0" or "false" must never rewrite snapshots.
    private static bool IsAcceptValue(string? value) =>
        value is not null
        && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
}
