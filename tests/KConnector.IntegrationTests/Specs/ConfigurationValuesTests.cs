using KConnector.GeneratedCode;
using Microsoft.Extensions.Configuration;

namespace KConnector.IntegrationTests.Specs;

public class ConfigurationValuesTests
{
    [Fact]
    public void Flatten_GivesKafkaKeys_FromFlatNestedAndArrayForms_OverDefaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["tasks.max"] = "2",
                    ["errors:tolerance"] = "all",
                    ["topics:0"] = "a",
                    ["topics:1"] = "b",
                }
            )
            .Build();

        var values = ConfigurationValues.Flatten(
            configuration,
            new Dictionary<string, string?> { ["tasks.max"] = "1", ["file"] = "f" }
        );

        Assert.Equal("2", values["tasks.max"]);
        Assert.Equal("all", values["errors.tolerance"]);
        Assert.Equal("a,b", values["topics"]);
        Assert.Equal("f", values["file"]);
    }
}
