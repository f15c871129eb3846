using KConnector.Generator.Tests.Infrastructure;
using KConnector.Testing;

namespace KConnector.Generator.Tests;

public class GeneratedCodeSnapshotTests
{
    [Fact]
    public void Order_GeneratesTheRecordAndItsCodecs()
    {
        var run = new GeneratorHarness().AddSchema("order.avsc", Schemas.Order).Run();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["Shop.Orders.Order.g.cs"], run.HintNames);
        SnapshotVerifier.Verify(run.Source("Shop.Orders.Order.g.cs"), "Order");
    }

    [Fact]
    public void GeneratedCode_CompilesWithUserCodeThatUsesIt()
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSource(
                """
                using System.Buffers;
                using KConnector.Avro;
                using Shop.Orders;

                public static class UserCode
                {
                    public static Order RoundTrip(Order order)
                    {
                        var buffer = new ArrayBufferWriter<byte>();
                        var writer = new AvroWriter(buffer);
                        Order.Encode(ref writer, order);
                        var reader = new AvroReader(buffer.WrittenSpan);
                        return Order.Decode(ref reader);
                    }

                    public static Order Make() => new()
                    {
                        OrderId = "A-1", CustomerId = 7, Quantity = 1, UnitPrice = 2.5, Weight = 1f,
                        Express = false, Signature = [], PlacedAt = System.DateTimeOffset.UnixEpoch,
                    };
                }
                """
            )
            .Run();

        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void ItemMetadata_OverridesNamespaceAndAccess()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "order.avsc",
                Schemas.Order,
                new Dictionary<string, string>
                {
                    ["KConnectorNamespace"] = "Billing.Contracts",
                    ["KConnectorAccess"] = "internal",
                }
            )
            .Run();

        var source = run.Source("Billing.Contracts.Order.g.cs");
        Assert.Contains("namespace Billing.Contracts", source, StringComparison.Ordinal);
        Assert.Contains("internal sealed partial record Order", source, StringComparison.Ordinal);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void ItemMetadata_GenerateFalse_LeavesTheFileOut()
    {
        var run = new GeneratorHarness()
            .AddSchema(
                "order.avsc",
                Schemas.Order,
                new Dictionary<string, string> { ["KConnectorGenerate"] = "false" }
            )
            .AddSchema(
                "broken.avsc",
                "{ not json",
                new Dictionary<string, string> { ["KConnectorGenerate"] = "False" }
            )
            .Run();

        Assert.Empty(run.HintNames);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void OtherAdditionalFiles_AreIgnored()
    {
        var run = new GeneratorHarness()
            .AddSchema("notes.txt", "{ not json")
            .AddSchema("appsettings.json", "{}")
            .Run();

        Assert.Empty(run.HintNames);
        Assert.Empty(run.Diagnostics);
    }
}
