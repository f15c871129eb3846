using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>Specs and attribute classes generate code that compiles with the user's code.</summary>
public class ConnectorGenerationTests
{
    [Fact]
    public void FileSinkSpec_GeneratesConfigWorkerAndRegistration_ThatCompile()
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("orders.connector.json", ConnectorTexts.FileSinkSpec)
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("KConnector.Generated.OrdersFileSink.Worker.g.cs", run.HintNames);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void AttributeSink_GeneratesTheRest_ThatCompiles()
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSource(ConnectorTexts.AttributeSink)
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Shop.Connectors.AuditSink.Task.g.cs", run.HintNames);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void AttributeSource_GeneratesTheRest_ThatCompiles()
    {
        var run = new GeneratorHarness().AddSource(ConnectorTexts.AttributeSource).Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
    }
}
