using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Avro;

/// <summary>
/// A type of the null namespace used from inside a namespace (issue 20, item 7): the registered
/// schema writes the reference ".Money" (absolute, as Java and avsc read it), and a schema written
/// that way by hand compiles too.
/// </summary>
public class NullNamespaceReferenceTests
{
    private const string Money = """
        {"type": "record", "name": "Money", "fields": [{"name": "cents", "type": "long"}]}
        """;

    [Theory]
    [InlineData("Money")]
    [InlineData(".Money")]
    public void Reference_FromANamespace_IsWrittenAbsoluteInTheRegisteredSchema(string written)
    {
        var run = new GeneratorHarness()
            .AddSchema("money.avsc", Money)
            .AddSchema(
                "order.avsc",
                $$"""
                {"type": "record", "name": "Order", "namespace": "shop", "fields": [
                  {"name": "price", "type": "{{written}}"}, {"name": "was", "type": "{{written}}"}]}
                """
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var source = run.Source("shop.Order.g.cs");
        Assert.Contains("{\"name\":\"was\",\"type\":\".Money\"}", source, StringComparison.Ordinal);
        // The canonical form keeps full names (spec FULLNAMES): the null namespace's is "Money".
        Assert.Contains("{\"name\":\"was\",\"type\":\"Money\"}", source, StringComparison.Ordinal);
    }
}
