using System.Diagnostics;

namespace KConnector.Testing.Tests;

// Expected texts were checked against GNU diff -u (diffutils) on the same inputs.
public class UnifiedDiffTests
{
    [Fact]
    public void Create_WhenTextsAreIdentical_ReturnsEmptyString()
    {
        var text = TextLines.Of(TextLines.Numbered(10));

        Assert.Equal("", UnifiedDiff.Create(text, text, "a", "b"));
    }

    [Fact]
    public void Create_WhenOnlyLineEndingsDiffer_ReturnsEmptyString()
    {
        Assert.Equal("", UnifiedDiff.Create("a\r\nb\r\n", "a\nb\n", "a", "b"));
    }

    [Fact]
    public void Create_WhenOneMiddleLineChanges_ReturnsOneHunkWithThreeLinesOfContext()
    {
        var expected = TextLines.Of(TextLines.Numbered(10));
        var actual = TextLines.Of(TextLines.NumberedWith(10, 5, "line five"));

        var diff = UnifiedDiff.Create(expected, actual, "verified", "received");

        Assert.Equal(
            TextLines.Of(
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
            ),
            diff
        );
    }

    [Fact]
    public void Create_WhenChangesAreFarApart_ReturnsTwoHunks()
    {
        var expected = TextLines.Of(TextLines.Numbered(20));
        var changed = TextLines.Numbered(20);
        changed[2] = "line three";
        changed[14] = "line fifteen";

        var diff = UnifiedDiff.Create(expected, TextLines.Of(changed), "a", "b");

        Assert.Equal(
            TextLines.Of(
                "--- a",
                "+++ b",
                "@@ -1,6 +1,6 @@",
                " line 1",
                " line 2",
                "-line 3",
                "+line three",
                " line 4",
                " line 5",
                " line 6",
                "@@ -12,7 +12,7 @@",
                " line 12",
                " line 13",
                " line 14",
                "-line 15",
                "+line fifteen",
                " line 16",
                " line 17",
                " line 18"
            ),
            diff
        );
    }

    [Fact]
    public void Create_WhenChangesAreAtMostTwiceTheContextApart_MergesThemIntoOneHunk()
    {
        // Lines 3 and 9 have five unchanged lines between them: contexts would overlap, so one hunk.
        var changed = TextLines.Numbered(20);
        changed[2] = "line three";
        changed[8] = "line nine";

        var diff = UnifiedDiff.Create(
            TextLines.Of(TextLines.Numbered(20)),
            TextLines.Of(changed),
            "a",
            "b"
        );

        Assert.Single(diff.Split('\n'), line => line.StartsWith("@@", StringComparison.Ordinal));
        Assert.Contains("@@ -1,12 +1,12 @@\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenLineIsAddedAtEnd_ShowsItAfterTheLastThreeLines()
    {
        var diff = UnifiedDiff.Create(
            TextLines.Of(TextLines.Numbered(5)),
            TextLines.Of(TextLines.Numbered(6)),
            "a",
            "b"
        );

        Assert.Equal(
            TextLines.Of(
                "--- a",
                "+++ b",
                "@@ -3,3 +3,4 @@",
                " line 3",
                " line 4",
                " line 5",
                "+line 6"
            ),
            diff
        );
    }

    [Fact]
    public void Create_WhenLineIsRemovedAtStart_ShowsItBeforeTheFirstThreeLines()
    {
        var diff = UnifiedDiff.Create(
            TextLines.Of(TextLines.Numbered(5)),
            TextLines.Of(TextLines.Numbered(5)[1..]),
            "a",
            "b"
        );

        Assert.Equal(
            TextLines.Of(
                "--- a",
                "+++ b",
                "@@ -1,4 +1,3 @@",
                "-line 1",
                " line 2",
                " line 3",
                " line 4"
            ),
            diff
        );
    }

    [Fact]
    public void Create_WhenExpectedIsEmpty_NamesTheEmptyRangeByLineZero()
    {
        var diff = UnifiedDiff.Create("", TextLines.Of("a", "b"), "a", "b");

        Assert.Equal(TextLines.Of("--- a", "+++ b", "@@ -0,0 +1,2 @@", "+a", "+b"), diff);
    }

    [Fact]
    public void Create_WithoutContext_NamesAnEmptyRangeByTheLineBeforeAndOmitsCountOfOne()
    {
        var diff = UnifiedDiff.Create(
            TextLines.Of(TextLines.Numbered(5)),
            TextLines.Of(TextLines.Numbered(6)),
            "a",
            "b",
            context: 0
        );

        Assert.Equal(TextLines.Of("--- a", "+++ b", "@@ -5,0 +6 @@", "+line 6"), diff);
    }

    [Fact]
    public void Create_WhenOnlyTheFinalNewlineDiffers_MarksTheUnterminatedLine()
    {
        var diff = UnifiedDiff.Create("a", "a\n", "a", "b");

        Assert.Equal(
            TextLines.Of(
                "--- a",
                "+++ b",
                "@@ -1 +1 @@",
                "-a",
                "\\ No newline at end of file",
                "+a"
            ),
            diff
        );
    }

    [Fact]
    public void Create_WithLargeInputAndOneChange_ReturnsOneHunkQuickly()
    {
        var expected = TextLines.Of(TextLines.Numbered(20_000));
        var actual = TextLines.Of(TextLines.NumberedWith(20_000, 10_001, "changed"));
        var stopwatch = Stopwatch.StartNew();

        var diff = UnifiedDiff.Create(expected, actual, "a", "b");

        // Generous bound: this is a guard against quadratic work, not a benchmark.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Took {stopwatch.Elapsed}.");
        Assert.Equal(
            TextLines.Of(
                "--- a",
                "+++ b",
                "@@ -9998,7 +9998,7 @@",
                " line 9998",
                " line 9999",
                " line 10000",
                "-line 10001",
                "+changed",
                " line 10002",
                " line 10003",
                " line 10004"
            ),
            diff
        );
    }

    [Fact]
    public void Create_WhenChangedRegionIsSmall_KeepsCommonLinesBetweenChanges()
    {
        // Same shape as the over-budget test below, small enough to be solved exactly.
        var (expected, actual) = InsertAtStartAndDropLast(100);

        var diff = UnifiedDiff.Create(expected, actual, "a", "b");

        Assert.Equal("@@ -1,3 +1,4 @@\n@@ -97,4 +98,3 @@\n", HunkHeaders(diff));
    }

    [Fact]
    public void Create_WhenChangedRegionExceedsTheCellBudget_ReportsItAsWhollyReplaced()
    {
        // 6,000 old by 6,001 new lines, with nothing in common at either end, is over the 25 million
        // cell budget: the diff must still finish, reporting the whole region as removed then added.
        var (expected, actual) = InsertAtStartAndDropLast(6_000);
        var stopwatch = Stopwatch.StartNew();

        var diff = UnifiedDiff.Create(expected, actual, "a", "b");

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Took {stopwatch.Elapsed}.");
        Assert.Equal("@@ -1,6000 +1,6000 @@\n", HunkHeaders(diff));
    }

    private static (string Expected, string Actual) InsertAtStartAndDropLast(int count)
    {
        var lines = TextLines.Numbered(count);
        return (TextLines.Of(lines), TextLines.Of(["changed", .. lines[..^1]]));
    }

    private static string HunkHeaders(string diff) =>
        TextLines.Of([
            .. diff.Split('\n').Where(line => line.StartsWith("@@", StringComparison.Ordinal)),
        ]);
}
