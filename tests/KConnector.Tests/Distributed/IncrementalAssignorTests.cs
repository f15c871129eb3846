using KConnector.Distributed;

namespace KConnector.Tests.Distributed;

public sealed class IncrementalAssignorTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(10);

    private static List<WorkUnit> Units(string connector, int tasks) =>
        [
            new(connector, null),
            .. Enumerable.Range(0, tasks).Select(t => new WorkUnit(connector, t)),
        ];

    private static bool NeverReleased(WorkUnit unit, RevokedUnit revoked) => false;

    [Fact]
    public void NewUnits_AreSpreadSoThatNoWorkerHasMoreThanOneTaskMoreThanAnother()
    {
        var next = IncrementalAssignor.Assign(
            ClusterAssignment.Empty,
            ["w1", "w2", "w3"],
            [.. Units("a", 5), .. Units("b", 2)],
            NeverReleased,
            now: 1000,
            Delay
        );

        var tasks = next.Owners.Values.Select(u => u.Count(x => !x.IsConnector)).ToList();
        Assert.Equal([3, 2, 2], tasks.OrderDescending());
        Assert.Equal(2, next.Owners.Values.Count(u => u.Any(x => x.IsConnector)));
        Assert.Equal(9, next.Owners.Values.Sum(u => u.Count));
        Assert.Equal(1, next.Generation);
    }

    [Fact]
    public void ADepartedWorkersUnits_WaitForTheDelay_ThenOnlyTheyMove()
    {
        var units = Units("a", 6);
        var first = IncrementalAssignor.Assign(
            ClusterAssignment.Empty,
            ["w1", "w2", "w3"],
            units,
            NeverReleased,
            0,
            Delay
        );
        var lost = first.Of("w3");

        var during = IncrementalAssignor.Assign(
            first,
            ["w1", "w2"],
            units,
            NeverReleased,
            1000,
            Delay
        );
        Assert.Equal(lost, during.Of("w3")); // Held for w3: nobody runs them.
        Assert.Equal(first.Of("w1"), during.Of("w1"));
        Assert.Equal(first.Of("w2"), during.Of("w2"));

        var after = IncrementalAssignor.Assign(
            during,
            ["w1", "w2"],
            units,
            NeverReleased,
            1000 + 10_000,
            Delay
        );
        Assert.Empty(after.Of("w3"));
        Assert.Subset(after.Of("w1").ToHashSet(), first.Of("w1").ToHashSet());
        Assert.Subset(after.Of("w2").ToHashSet(), first.Of("w2").ToHashSet());
        Assert.Equal(units.ToHashSet(), after.Owners.Values.SelectMany(u => u).ToHashSet());
    }

    [Fact]
    public void AWorkerBackWithinTheDelay_KeepsItsUnits()
    {
        var units = Units("a", 4);
        var first = IncrementalAssignor.Assign(
            ClusterAssignment.Empty,
            ["w1", "w2"],
            units,
            NeverReleased,
            0,
            Delay
        );
        var during = IncrementalAssignor.Assign(first, ["w1"], units, NeverReleased, 1000, Delay);

        var back = IncrementalAssignor.Assign(
            during,
            ["w1", "w2"],
            units,
            NeverReleased,
            2000,
            Delay
        );

        Assert.Equal(first.Of("w2"), back.Of("w2"));
        Assert.Empty(back.DepartedAt);
    }

    [Fact]
    public void AJoiningWorker_GetsTheSurplusOnlyAfterItsOwnersReleasedIt()
    {
        var units = Units("a", 6);
        var first = IncrementalAssignor.Assign(
            ClusterAssignment.Empty,
            ["w1", "w2"],
            units,
            NeverReleased,
            0,
            Delay
        );

        var revoking = IncrementalAssignor.Assign(
            first,
            ["w1", "w2", "w3"],
            units,
            NeverReleased,
            1,
            Delay
        );
        Assert.Empty(revoking.Of("w3")); // Nothing runs twice: the surplus is revoked first.
        Assert.Equal(2, revoking.Revoked.Count);
        Assert.All(revoking.Revoked, r => Assert.Contains(r.Key, first.Of(r.Value.From)));
        var waiting = IncrementalAssignor.Assign(
            revoking,
            ["w1", "w2", "w3"],
            units,
            NeverReleased,
            2,
            Delay
        );
        Assert.Empty(waiting.Of("w3"));

        var given = IncrementalAssignor.Assign(
            waiting,
            ["w1", "w2", "w3"],
            units,
            (_, _) => true,
            3,
            Delay
        );
        Assert.Equal(revoking.Revoked.Keys.ToHashSet(), given.Of("w3").ToHashSet());
        Assert.Subset(first.Of("w1").ToHashSet(), given.Of("w1").ToHashSet());
        Assert.Subset(first.Of("w2").ToHashSet(), given.Of("w2").ToHashSet());
        Assert.Empty(given.Revoked);
    }

    [Fact]
    public void TheSameInputs_GiveTheSameAssignment()
    {
        var units = Units("a", 5);
        var a = IncrementalAssignor.Assign(
            ClusterAssignment.Empty,
            ["w2", "w1"],
            units,
            NeverReleased,
            0,
            Delay
        );
        var b = IncrementalAssignor.Assign(
            ClusterAssignment.Empty,
            ["w1", "w2"],
            units.AsEnumerable().Reverse().ToList(),
            NeverReleased,
            0,
            Delay
        );

        Assert.True(a.SameAs(b));
        Assert.True(ClusterAssignment.FromJson(a.ToJson()).SameAs(a));
    }
}
