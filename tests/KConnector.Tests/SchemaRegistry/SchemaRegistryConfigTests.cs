using KConnector.SchemaRegistry;

namespace KConnector.Tests.SchemaRegistry;

public class SchemaRegistryConfigTests
{
    [Fact]
    public void MissingUrl_NamesTheKey()
    {
        var error = Assert.Throws<KConnector.Configuration.ConfigValueException>(() =>
            SchemaRegistryConfig.From(new Dictionary<string, string>())
        );

        Assert.Contains("'schema.registry.url' is required", error.Message);
    }

    [Theory]
    [InlineData("schema.registry.url", "ftp://registry", "'schema.registry.url'")]
    [InlineData("basic.auth.credentials.source", "KERBEROS", "'basic.auth.credentials.source'")]
    [InlineData("basic.auth.user.info", "no-colon", "'basic.auth.user.info'")]
    [InlineData(
        "bearer.auth.credentials.source",
        "OAUTHBEARER",
        "'bearer.auth.credentials.source'"
    )]
    [InlineData("schema.registry.max.retries", "-1", "'schema.registry.max.retries'")]
    [InlineData(
        "schema.registry.request.timeout.ms",
        "soon",
        "'schema.registry.request.timeout.ms'"
    )]
    public void BadValues_NameTheKey(string key, string value, string expected)
    {
        var config = new Dictionary<string, string>
        {
            ["schema.registry.url"] = "http://127.0.0.1:1",
        };
        config[key] = value;

        var error = Assert.Throws<KConnector.Configuration.ConfigValueException>(() =>
            SchemaRegistryConfig.From(config)
        );

        Assert.Contains(expected, error.Message);
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void BasicAndBearerTogether_AreRefused()
    {
        var error = Assert.Throws<KConnector.Configuration.ConfigValueException>(() =>
            SchemaRegistryConfig.From(
                new Dictionary<string, string>
                {
                    ["schema.registry.url"] = "http://127.0.0.1:1",
                    ["basic.auth.user.info"] = "a:b",
                    ["bearer.auth.credentials.source"] = "STATIC_TOKEN",
                    ["bearer.auth.token"] = "t",
                }
            )
        );

        Assert.Contains("use one", error.Message);
    }

    [Fact]
    public async Task Factory_MockUrl_GivesAClientSharedByTheScope()
    {
        var scope = Guid.NewGuid().ToString("N");
        var config = new Dictionary<string, string> { ["schema.registry.url"] = "mock://" + scope };

        var a = SchemaRegistryClientFactory.Create(config);
        var b = SchemaRegistryClientFactory.Create(config);
        var id = await a.RegisterSchemaAsync("t-value", "\"string\"", default);

        Assert.IsType<MockSchemaRegistryClient>(a);
        Assert.Equal("\"string\"", await b.GetSchemaAsync(id, default));
    }

    [Theory]
    [InlineData("io.confluent.kafka.serializers.subject.TopicNameStrategy", "orders-value")]
    [InlineData("RecordNameStrategy", "shop.Order")]
    [InlineData(
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
        "orders-shop.Order"
    )]
    public void SubjectNameStrategies_NameSubjectsAsConfluents(string configured, string subject)
    {
        var strategy = SubjectName.Parse(configured, "value.subject.name.strategy");

        Assert.Equal(subject, SubjectName.For(strategy, "orders", isKey: false, "shop.Order"));
    }

    [Fact]
    public void UnknownSubjectNameStrategy_NamesTheKey()
    {
        var error = Assert.Throws<KConnector.Configuration.ConfigValueException>(() =>
            SubjectName.Parse("com.acme.MyStrategy", "key.subject.name.strategy")
        );

        Assert.Contains("'key.subject.name.strategy' is 'com.acme.MyStrategy'", error.Message);
    }
}
