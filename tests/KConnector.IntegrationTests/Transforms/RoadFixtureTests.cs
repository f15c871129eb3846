using System.Runtime.CompilerServices;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// The files the other roads' tests (tests/KConnector.Cli.Tests and tests/KConnector.Rest.Tests,
/// which cannot see this project's generated types) give a file source and compare a sink's file
/// with: order-events.jsonl is <see cref="OrderEventsSource"/>'s events, and
/// order-events-flat.jsonl what the generated worker's compiled chain (order-events-flat.connector.json)
/// makes of them. So every road is held to the generated worker's records.
/// </summary>
public sealed class RoadFixtureTests
{
    private const int Events = 12;

    [Fact]
    public void OrderEventsFile_HoldsTheSourcesEvents()
    {
        Assert.Equal(
            Enumerable
                .Range(0, Events)
                .Select(n => Normalized(JsonOf(OrderEventsSource.EventNumber(n)))),
            File.ReadAllLines(Beside("order-events.jsonl")).Select(Normalized)
        );
    }

    [Fact]
    public void OrderEventsFlatFile_HoldsTheGeneratedChainsRecords()
    {
        Assert.Equal(
            Enumerable
                .Range(0, Events)
                .Select(n =>
                    Normalized(
                        JsonOf(
                            OrderEventsFlatValueChain.Apply(
                                "order-events",
                                OrderEventsSource.EventNumber(n)
                            )
                        )
                    )
                ),
            File.ReadAllLines(Beside("order-events-flat.jsonl")).Select(Normalized)
        );
    }

    private static string Beside(string name, [CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, name);
}
