using KConnector.Generator.Tests.Infrastructure;
using KConnector.Testing;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>The generated code of each connector kind, as snapshots (KCONNECTOR_ACCEPT_SNAPSHOTS=1 accepts).</summary>
public class ConnectorSnapshotTests
{
    [Theory]
    [InlineData("Config")]
    [InlineData("Worker")]
    [InlineData("Registration")]
    public void SpecSink_FileStreamSink(string part)
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("orders.connector.json", ConnectorTexts.FileSinkSpec)
            .Run();

        Assert.Empty(run.Diagnostics);
        SnapshotVerifier.Verify(
            run.Source($"KConnector.Generated.OrdersFileSink.{part}.g.cs"),
            "Connector.SpecSink." + part
        );
    }

    [Theory]
    [InlineData("Config")]
    [InlineData("Worker")]
    [InlineData("Registration")]
    [InlineData("Task")]
    public void AttributeSink_AuditSink(string part)
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSource(ConnectorTexts.AttributeSink)
            .Run();

        Assert.Empty(run.Diagnostics);
        SnapshotVerifier.Verify(
            run.Source($"Shop.Connectors.AuditSink.{part}.g.cs"),
            "Connector.AttributeSink." + part
        );
    }

    [Theory]
    [InlineData("Config")]
    [InlineData("Worker")]
    [InlineData("Registration")]
    [InlineData("Task")]
    public void AttributeSource_GreetingSource(string part)
    {
        var run = new GeneratorHarness().AddSource(ConnectorTexts.AttributeSource).Run();

        Assert.Empty(run.Diagnostics);
        SnapshotVerifier.Verify(
            run.Source($"Shop.Connectors.GreetingSource.{part}.g.cs"),
            "Connector.AttributeSource." + part
        );
    }

    [Theory]
    [InlineData("Config")]
    [InlineData("Worker")]
    [InlineData("Registration")]
    public void SpecSource_NamingAnAttributeSource(string part)
    {
        var run = new GeneratorHarness()
            .AddSource(ConnectorTexts.AttributeSource)
            .AddSchema("morning.connector.json", ConnectorTexts.SourceSpec)
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        Assert.DoesNotContain("KConnector.Generated.MorningGreetings.Task.g.cs", run.HintNames);
        SnapshotVerifier.Verify(
            run.Source($"KConnector.Generated.MorningGreetings.{part}.g.cs"),
            "Connector.SpecSource." + part
        );
    }
}
