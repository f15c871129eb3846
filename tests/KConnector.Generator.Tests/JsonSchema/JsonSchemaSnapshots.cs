using System.Runtime.CompilerServices;
using KConnector.Testing;

namespace KConnector.Generator.Tests.JsonSchema;

/// <summary>
/// Snapshots of JSON Schema output live in the project's Snapshots folder (the one the project
/// keeps out of compilation), under names that start with JsonSchema_.
/// </summary>
internal static class JsonSchemaSnapshots
{
    public static void Verify(
        string actual,
        string name,
        [CallerFilePath] string callerFilePath = ""
    )
    {
        var directory = Path.GetFullPath(
            Path.Combine(
                Path.GetDirectoryName(callerFilePath)!,
                "..",
                SnapshotVerifier.SnapshotFolderName
            )
        );
        SnapshotVerifier.Verify(actual, name, directory, SnapshotSettings.FromEnvironment());
    }
}
