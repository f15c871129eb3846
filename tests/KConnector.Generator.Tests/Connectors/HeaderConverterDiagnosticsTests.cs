using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>
/// A spec's <c>header.converter</c>: the build takes Kafka Connect's header converters (the
/// SimpleHeaderConverter, its default, and the StringConverter and ByteArrayConverter, by class
/// name or alias) and refuses any other name at the key's line (KCN0270) with a did-you-mean.
/// </summary>
public sealed class HeaderConverterDiagnosticsTests
{
    private static string Spec(string headerConverter) =>
        "{\n"
        + "  \"name\": \"headed\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \"FileStreamSink\",\n"
        + "    \"topics\": \"orders\",\n"
        + "    \"file\": \"out.jsonl\",\n"
        + "    \"value.schema\": \"order.avsc\",\n"
        + "    \"header.converter\": \""
        + headerConverter
        + "\"\n  }\n}\n";

    [Theory]
    [InlineData("org.apache.kafka.connect.storage.SimpleHeaderConverter")]
    [InlineData("SimpleHeaderConverter")]
    [InlineData("org.apache.kafka.connect.storage.StringConverter")]
    [InlineData("ByteArrayConverter")]
    public void AHeaderConverter_IsAccepted(string name)
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("headed.connector.json", Spec(name))
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
    }

    [Theory]
    [InlineData("io.confluent.connect.avro.AvroConverter", "")]
    [InlineData("SimpleHeaderConvertr", "Did you mean \"SimpleHeaderConverter\"?")]
    public void AnotherName_IsKcn0270_AtTheKeysLine(string name, string suggestion)
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("headed.connector.json", Spec(name))
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0270", diagnostic.Id);
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("headed.connector.json", message);
        Assert.Contains("$.config['header.converter']", message);
        Assert.Contains("org.apache.kafka.connect.storage.SimpleHeaderConverter", message);
        Assert.Contains("org.apache.kafka.connect.converters.ByteArrayConverter", message);
        Assert.Contains(suggestion, message);
    }
}
