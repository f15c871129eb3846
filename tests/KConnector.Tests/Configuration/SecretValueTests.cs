using KConnector.Configuration;
using KConnector.Connectors;
using KConnector.Kafka;
using Microsoft.Extensions.Logging;

namespace KConnector.Tests.Configuration;

/// <summary>A secret taken from the environment or a file never reaches a log, an error or ToString.</summary>
public sealed class SecretValueTests : IDisposable
{
    private const string Secret = "Sup3r-Secret-Api-Key-4711";
    private const string BadSecret = "short!";
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-secrets-")
        .FullName;
    private readonly string _variable = "KCONNECTOR_SECRET_" + Guid.NewGuid().ToString("N");

    public SecretValueTests()
    {
        File.WriteAllText(
            Path.Combine(_directory, "secrets.properties"),
            "api.key=" + Secret + "\n"
        );
    }

    [Fact]
    public void SecretFromAFile_IsUsable_ButHiddenInToString()
    {
        var config = SecretSinkConfig.Parse(
            Values("${file:secrets.properties:api.key}"),
            Resolver()
        );

        Assert.Equal(Secret, config.ApiKey.Value);
        Assert.Equal(Password.Hidden, config.ApiKey.ToString());
        Assert.Contains("api.key=[hidden]", config.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, config.ToString(), StringComparison.Ordinal);
        Assert.Equal(ConfigType.Password, SecretSink.ConfigDefinition.Find("api.key")!.Type);
    }

    [Fact]
    public void InvalidSecretFromTheEnvironment_IsReported_WithoutItsValue()
    {
        Environment.SetEnvironmentVariable(_variable, BadSecret);
        try
        {
            var values = Values("${env:" + _variable + "}");
            values["tasks.max"] = "many";

            var error = Assert.Throws<ConfigValidationException>(() =>
                SecretSinkConfig.Parse(values, Resolver())
            );

            Assert.Equal(
                ["api.key", "tasks.max"],
                error.Issues.Select(i => i.Key).Order(StringComparer.Ordinal)
            );
            Assert.Contains(
                "api.key: the value does not match the pattern",
                error.Message,
                StringComparison.Ordinal
            );
            Assert.DoesNotContain(BadSecret, error.ToString(), StringComparison.Ordinal);
            Assert.All(
                error.Issues,
                i => Assert.DoesNotContain(BadSecret, i.Message, StringComparison.Ordinal)
            );
        }
        finally
        {
            Environment.SetEnvironmentVariable(_variable, null);
        }
    }

    [Fact]
    public async Task RunningWorker_LogsNothingThatHoldsTheSecret()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("secret-test", partitions: 1);
        var logger = new CapturingLogger();
        using var environment = new ConnectorEnvironment();
        var values = Values("${file:secrets.properties:api.key}");
        values["bootstrap.servers"] = kafka.BootstrapServers;
        values["errors.tolerance"] = "all";
        values["errors.log.enable"] = "true";
        var worker = new SecretSinkWorker(
            SecretSinkConfig.Parse(values, Resolver()),
            environment,
            logger
        );
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await worker.RunAsync(stop.Token);
        var startError = Assert.Throws<ConfigValidationException>(() =>
            SecretSinkConfig.Parse(Values("${env:" + _variable + "_UNSET}"), Resolver())
        );
        logger.LogError(startError, "start failed: {Message}", startError.Message);
        logger.LogInformation("config: {Config}", worker.Config);

        Assert.NotEmpty(logger.Lines);
        Assert.Contains(
            logger.Lines,
            l => l.Contains("errors.tolerance=all", StringComparison.Ordinal)
        );
        Assert.All(logger.Lines, l => Assert.DoesNotContain(Secret, l, StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Values(string apiKey) =>
        new() { ["api.key"] = apiKey };

    private ConfigValueResolver Resolver() =>
        new(
            new Dictionary<string, IConfigProvider>
            {
                ["env"] = new EnvironmentConfigProvider(),
                ["file"] = new FileConfigProvider(_directory),
            }
        );

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
