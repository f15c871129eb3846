using KConnector.Configuration;
using KConnector.Connectors.Redis.Configuration;
using KConnector.Connectors.Redis.Sink;
using KConnector.Connectors.Shapes;
using KConnector.Errors;

namespace KConnector.Connectors.Redis.Tests;

/// <summary>Bad Redis sink configs fail before anything runs, naming each key, never showing the password.</summary>
public sealed class RedisSinkOptionsTests
{
    [Fact]
    public void BadKeys_AreEachNamed_AndThePasswordInTheUriIsHidden()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            RedisSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["redis.uri"] = "http://user:hunter2@127.0.0.1:6379",
                    ["redis.command"] = "LPUSH",
                    ["redis.key.ttl.ms"] = "-5",
                }
            )
        );
        Assert.Equal(
            ["redis.command", "redis.key.ttl.ms", "redis.uri"],
            error.Issues.Select(i => i.Key).Distinct().Order(StringComparer.Ordinal)
        );
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsBuiltInCode_TimeOutAsTheKeysDefault_AndSoDoParsedOnes()
    {
        // The one default of redis.timeout.ms is its [ConfigKey]'s: code and config agree on it.
        var stated = RedisSink.Definition.Find("redis.timeout.ms")!.DefaultValue;
        var parsed = RedisSinkOptions.Parse(
            new Dictionary<string, string?> { ["redis.uri"] = "redis://127.0.0.1:6379" }
        );
        var built = new RedisConnectionSettings { Host = "127.0.0.1" };

        Assert.Equal("5000", stated);
        Assert.Equal(5000, built.TimeoutMs);
        Assert.Equal(built.TimeoutMs, parsed.Connection.TimeoutMs);
    }

    [Fact]
    public void UriCredentialsAndDatabase_AreRead_AndToStringHidesThePassword()
    {
        var options = RedisSinkOptions.Parse(
            new Dictionary<string, string?>
            {
                ["redis.uri"] = "redis://app:hunter2@cache.local:6380/3",
                ["redis.command"] = "set",
            }
        );
        Assert.Equal(
            ("cache.local", 6380, 3, "app"),
            (
                options.Connection.Host,
                options.Connection.Port,
                options.Connection.Database,
                options.Connection.User
            )
        );
        Assert.Equal("hunter2", options.Connection.Password?.Value);
        Assert.Equal(RedisSinkCommand.Set, options.Command);
        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HsetOfAStringValue_FailsNamingRedisCommand()
    {
        var error = Assert.Throws<ConfigException>(() =>
            RedisSinkTaskFactory.Create<string, string>(
                new Dictionary<string, string?> { ["redis.command"] = "HSET" },
                null,
                new PrimitiveRecordAccessor<string>("value"),
                null
            )
        );
        Assert.Equal("redis.command", error.Key);
    }
}
