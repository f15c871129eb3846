using KConnector.Configuration;

namespace KConnector.Tests.Configuration;

public class ConfigDefinitionTests
{
    private static readonly ConfigDefinition Definition = new(
        "Test.Connector",
        [
            new ConfigKey
            {
                Name = "name",
                Type = ConfigType.String,
                Required = true,
            },
            new ConfigKey
            {
                Name = "tasks.max",
                Type = ConfigType.Int,
                DefaultValue = "1",
                Min = 1,
            },
            new ConfigKey
            {
                Name = "batch.bytes",
                Type = ConfigType.Long,
                DefaultValue = "1048576",
                Min = 1,
                Max = 1073741824,
            },
            new ConfigKey
            {
                Name = "ratio",
                Type = ConfigType.Double,
                DefaultValue = "0.5",
            },
            new ConfigKey
            {
                Name = "enabled",
                Type = ConfigType.Boolean,
                DefaultValue = "false",
            },
            new ConfigKey
            {
                Name = "topics",
                Type = ConfigType.List,
                DefaultValue = "",
            },
            new ConfigKey
            {
                Name = "mode",
                Type = ConfigType.String,
                DefaultValue = "insert",
                OneOf = ["insert", "upsert"],
            },
            new ConfigKey
            {
                Name = "table",
                Type = ConfigType.String,
                DefaultValue = "t",
                Pattern = "[a-z_]+",
            },
            new ConfigKey
            {
                Name = "password",
                Type = ConfigType.Password,
                Required = true,
            },
        ]
    );

    [Fact]
    public void ValidValues_AreTyped_AndDefaultsFillTheRest()
    {
        var parsed = Definition.Parse(
            new Dictionary<string, string?>
            {
                ["name"] = "c",
                ["tasks.max"] = " 3 ",
                ["enabled"] = "true",
                ["topics"] = "a, b,,c",
                ["mode"] = "UPSERT",
                ["password"] = "pw",
                ["producer.override.linger.ms"] = "10",
            }
        );

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Issues));
        Assert.Equal(3, parsed.Get<int>("tasks.max"));
        Assert.Equal(1048576L, parsed.Get<long>("batch.bytes"));
        Assert.Equal(0.5, parsed.Get<double>("ratio"));
        Assert.True(parsed.Get<bool>("enabled"));
        Assert.Equal(["a", "b", "c"], parsed.Get<IReadOnlyList<string>>("topics"));
        Assert.Equal("UPSERT", parsed.Get<string>("mode"));
        Assert.Equal("pw", parsed.Get<Password>("password")!.Value);
        Assert.Equal("10", parsed.WithPrefix("producer.override.")["linger.ms"]);
    }

    [Fact]
    public void EveryInvalidKey_IsReportedAtOnce_ByName()
    {
        var parsed = Definition.Parse(
            new Dictionary<string, string?>
            {
                ["tasks.max"] = "two",
                ["batch.bytes"] = "0",
                ["ratio"] = "half",
                ["enabled"] = "yes",
                ["mode"] = "merge",
                ["table"] = "Orders!",
            }
        );

        Assert.Equal(
            ["batch.bytes", "enabled", "mode", "name", "password", "ratio", "table", "tasks.max"],
            parsed.Issues.Select(i => i.Key).Order(StringComparer.Ordinal)
        );
        var error = Assert.Throws<ConfigValidationException>(() => parsed.ThrowIfInvalid("c"));
        Assert.StartsWith(
            "The config of connector 'c' has 8 issues:",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "tasks.max: 'two' is not a 32-bit integer",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "batch.bytes: '0' is out of range: expected a value in [1,...,1073741824]",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "mode: 'merge' is not one of [insert, upsert]",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "table: 'Orders!' does not match the pattern /[a-z_]+/",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "name: a value is required and none was given",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Description_ServesWhatAConfigDefServes()
    {
        var key = Definition.Find("batch.bytes")!;

        Assert.Equal(ConfigType.Long, key.Type);
        Assert.Equal("1048576", key.DefaultValue);
        Assert.Equal("[1,...,1073741824]", key.ValidValues);
        Assert.Equal("[insert, upsert]", Definition.Find("mode")!.ValidValues);
        Assert.True(Definition.Find("password")!.IsSecret);
        Assert.Null(Definition.Find("nope"));
    }

    [Fact]
    public void BlankValues_CountAsNotGiven_AndStringsAreTrimmed()
    {
        var parsed = Definition.Parse(
            new Dictionary<string, string?>
            {
                ["name"] = "  ",
                ["tasks.max"] = "",
                ["mode"] = " upsert ",
                ["password"] = " pw ",
            }
        );

        // A blank required key is missing; a blank key with a default takes the default rather
        // than 0, which no range check would see.
        Assert.Equal(
            "name: a value is required and none was given",
            Assert.Single(parsed.Issues).ToString()
        );
        Assert.Equal(1, parsed.Get<int>("tasks.max"));
        // ConfigDef.parseType trims strings but keeps a password as given.
        Assert.Equal("upsert", parsed.Get<string>("mode"));
        Assert.Equal(" pw ", parsed.Get<Password>("password")!.Value);
    }

    [Fact]
    public void IssuesFromRulesAcrossKeys_JoinTheOthers_AndTheConnectorIsNamed()
    {
        var parsed = Definition.Parse(
            new Dictionary<string, string?> { ["name"] = "orders-sink", ["tasks.max"] = "0" }
        );
        parsed.AddIssue("mode", "insert needs a key");

        var error = Assert.Throws<ConfigValidationException>(() => parsed.ThrowIfInvalid());
        Assert.Equal(["tasks.max", "password", "mode"], error.Issues.Select(i => i.Key));
        Assert.StartsWith(
            "The config of connector 'orders-sink' has 3 issues:",
            error.Message,
            StringComparison.Ordinal
        );

        var unnamed = Definition.Parse(new Dictionary<string, string?> { ["password"] = "pw" });
        Assert.StartsWith(
            "The config of connector 'Test.Connector' has 1 issue:",
            Assert.Throws<ConfigValidationException>(() => unnamed.ThrowIfInvalid()).Message,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("basic", "", "connection.user")]
    [InlineData("BASIC", "  ", "connection.user")]
    [InlineData("basic", "alice", null)]
    [InlineData("none", "", null)]
    public void AKeyRequiredWhenAnotherHasAValue_IsReportedOnlyThen(
        string authType,
        string user,
        string? missing
    )
    {
        var definition = new ConfigDefinition(
            "Test.Http",
            [
                new ConfigKey
                {
                    Name = "auth.type",
                    Type = ConfigType.String,
                    DefaultValue = "none",
                },
                new ConfigKey
                {
                    Name = "connection.user",
                    Type = ConfigType.String,
                    RequiredWhenKey = "auth.type",
                    RequiredWhenValues = ["basic"],
                },
            ]
        );

        var parsed = definition.Parse(
            new Dictionary<string, string?> { ["auth.type"] = authType, ["connection.user"] = user }
        );

        if (missing is null)
        {
            Assert.Empty(parsed.Issues);
            return;
        }
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(missing, issue.Key);
        Assert.Contains("auth.type", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1", true)]
    [InlineData("3", true)]
    [InlineData("0", false)]
    public void ANumbersPattern_AppliesToItsText(string value, bool valid)
    {
        var definition = new ConfigDefinition(
            "Test.Dlq",
            [
                new ConfigKey
                {
                    Name = "errors.deadletterqueue.topic.replication.factor",
                    Type = ConfigType.Int,
                    Min = -1,
                    Pattern = "-1|[1-9][0-9]*",
                },
            ]
        );

        var parsed = definition.Parse(
            new Dictionary<string, string?>
            {
                ["errors.deadletterqueue.topic.replication.factor"] = value,
            }
        );

        Assert.Equal(valid, parsed.IsValid);
    }
}
