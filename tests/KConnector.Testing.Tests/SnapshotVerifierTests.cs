namespace KConnector.Testing.Tests;

// Every test passes explicit settings (or only exercises paths where the accept flag cannot matter), so
// a developer running the suite with KCONNECTOR_ACCEPT_SNAPSHOTS=1 gets the same results.
public sealed class SnapshotVerifierTests : IDisposable
{
    private static readonly SnapshotSettings Strict = new() { AcceptChanges = false };
    private static readonly SnapshotSettings Accepting = new() { AcceptChanges = true };

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Verify_WhenTextMatchesSnapshot_PassesAndDeletesStaleReceivedFile()
    {
        File.WriteAllText(_directory.File("Sink.verified.cs"), "class Sink { }\n");
        File.WriteAllText(_directory.File("Sink.received.cs"), "class Old { }\n");

        SnapshotVerifier.Verify("class Sink { }\n", "Sink", _directory.Path, Strict);

        Assert.False(File.Exists(_directory.File("Sink.received.cs")));
        Assert.Equal("class Sink { }\n", File.ReadAllText(_directory.File("Sink.verified.cs")));
    }

    [Fact]
    public void Verify_WhenSnapshotIsMissing_ThrowsAndWritesReceivedFile()
    {
        var exception = Assert.Throws<SnapshotMismatchException>(() =>
            SnapshotVerifier.Verify("class Sink { }\n", "Sink", _directory.Path, Strict)
        );

        Assert.False(File.Exists(_directory.File("Sink.verified.cs")));
        Assert.Equal("class Sink { }\n", File.ReadAllText(_directory.File("Sink.received.cs")));
        Assert.Equal(_directory.File("Sink.received.cs"), exception.ReceivedFilePath);
        Assert.Contains("no verified file", exception.Message, StringComparison.Ordinal);
        Assert.Contains(
            _directory.File("Sink.verified.cs"),
            exception.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "@@ -0,0 +1 @@\n+class Sink { }\n",
            exception.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Verify_WhenTextDiffers_ThrowsWithPathsDiffAndAcceptHint()
    {
        File.WriteAllText(
            _directory.File("Task.verified.cs"),
            TextLines.Of(TextLines.Numbered(10))
        );
        var received = TextLines.Of(TextLines.NumberedWith(10, 5, "line five"));

        var exception = Assert.Throws<SnapshotMismatchException>(() =>
            SnapshotVerifier.Verify(received, "Task", _directory.Path, Strict)
        );

        var expectedDiff = TextLines.Of(
            "--- verified",
            "+++ received",
            "@@ -2,7 +2,7 @@",
            " line 2",
            " line 3",
            " line 4",
            "-line 5",
            "+line five",
            " line 6",
            " line 7",
            " line 8"
        );
        Assert.Equal(expectedDiff, exception.Diff);
        Assert.Contains(expectedDiff, exception.Message, StringComparison.Ordinal);
        Assert.Contains(
            _directory.File("Task.verified.cs"),
            exception.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            _directory.File("Task.received.cs"),
            exception.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "set KCONNECTOR_ACCEPT_SNAPSHOTS=1 to accept",
            exception.Message,
            StringComparison.Ordinal
        );
        Assert.Equal(received, File.ReadAllText(_directory.File("Task.received.cs")));
        Assert.Equal(
            TextLines.Of(TextLines.Numbered(10)),
            File.ReadAllText(_directory.File("Task.verified.cs"))
        );
    }

    [Theory]
    [InlineData("a\r\nb\r\n", "a\nb\n")]
    [InlineData("a\nb\n", "a\r\nb\r\n")]
    public void Verify_WhenOnlyLineEndingsDiffer_Passes(string verified, string actual)
    {
        File.WriteAllText(_directory.File("Endings.verified.cs"), verified);

        SnapshotVerifier.Verify(actual, "Endings", _directory.Path, Strict);

        Assert.False(File.Exists(_directory.File("Endings.received.cs")));
    }

    [Fact]
    public void Verify_InAcceptMode_OverwritesDifferingSnapshotRemovesReceivedAndPasses()
    {
        File.WriteAllText(_directory.File("Task.verified.cs"), "old\n");
        File.WriteAllText(_directory.File("Task.received.cs"), "stale\n");

        SnapshotVerifier.Verify("new\r\n", "Task", _directory.Path, Accepting);

        // Accepted snapshots are stored with \n so they are the same on every platform.
        Assert.Equal("new\n", File.ReadAllText(_directory.File("Task.verified.cs")));
        Assert.False(File.Exists(_directory.File("Task.received.cs")));
    }

    [Fact]
    public void Verify_InAcceptMode_CreatesMissingSnapshotAndItsFolder()
    {
        var snapshots = Path.Combine(_directory.Path, "Snapshots");

        SnapshotVerifier.Verify("class Sink { }\n", "Sink", snapshots, Accepting);

        Assert.Equal(
            "class Sink { }\n",
            File.ReadAllText(Path.Combine(snapshots, "Sink.verified.cs"))
        );
    }

    [Fact]
    public void Verify_WithAnotherExtension_UsesItForBothFiles()
    {
        var settings = Strict with { Extension = "txt" };

        Assert.Throws<SnapshotMismatchException>(() =>
            SnapshotVerifier.Verify("text\n", "Notes", _directory.Path, settings)
        );

        Assert.True(File.Exists(_directory.File("Notes.received.txt")));
        File.Move(_directory.File("Notes.received.txt"), _directory.File("Notes.verified.txt"));
        SnapshotVerifier.Verify("text\n", "Notes", _directory.Path, settings);
    }

    [Fact]
    public void Verify_FromCallerFile_ReadsSnapshotsFolderBesideIt()
    {
        var snapshots = Directory.CreateDirectory(Path.Combine(_directory.Path, "Snapshots"));
        File.WriteAllText(Path.Combine(snapshots.FullName, "Sink.verified.cs"), "class Sink { }\n");
        File.WriteAllText(Path.Combine(snapshots.FullName, "Sink.received.cs"), "stale\n");

        // A matching snapshot passes whatever the environment's accept flag says.
        SnapshotVerifier.Verify(
            "class Sink { }\n",
            "Sink",
            callerFilePath: _directory.File("SinkTests.cs")
        );

        Assert.False(File.Exists(Path.Combine(snapshots.FullName, "Sink.received.cs")));
    }

    [Fact]
    public void Verify_FromMappedCallerPath_ThrowsExplainingTheWayOut()
    {
        // What PathMap makes of a source path under ContinuousIntegrationBuild=true.
        var exception = Assert.Throws<InvalidOperationException>(() =>
            SnapshotVerifier.Verify("x", "Sink", callerFilePath: "/_/tests/Missing/SinkTests.cs")
        );

        Assert.Contains("PathMap", exception.Message, StringComparison.Ordinal);
    }
}
