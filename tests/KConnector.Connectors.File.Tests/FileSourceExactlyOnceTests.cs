using KConnector.Configuration;
using KConnector.GeneratedCode;
using KConnector.Hosting;

namespace KConnector.Connectors.File.Tests;

/// <summary>
/// FileStreamSource declares exactly-once support (as Kafka Connect's FileStreamSourceConnector does
/// for a file): a spec naming it with <c>exactly.once.support=required</c> is accepted by the
/// validation validate and start run on an enabled distributed worker (its generated definition
/// carries the descriptor's declaration), and refused on a worker without exactly-once support.
/// </summary>
public sealed class FileSourceExactlyOnceTests
{
    private static readonly Dictionary<string, string> EnabledWorker = new()
    {
        ["group.id"] = "connect-cluster",
        ["exactly.once.source.support"] = "enabled",
        ["bootstrap.servers"] = "127.0.0.1:9",
    };

    [Fact]
    public void TheDescriptor_DeclaresSupport_ForAFileOrADirectory()
    {
        var declare = FileStreamSource.Definition.ExactlyOnceSupport;

        Assert.NotNull(declare);
        Assert.Equal(
            KConnector.Distributed.ExactlyOnce.ExactlyOnceSupport.Supported,
            declare(new Dictionary<string, string?> { ["file"] = "/var/log/app.jsonl" })
        );
        Assert.Equal(
            KConnector.Distributed.ExactlyOnce.ExactlyOnceSupport.Supported,
            declare(new Dictionary<string, string?> { ["directory"] = "/var/log/app" })
        );
    }

    [Fact]
    public void ASpecRequiringExactlyOnce_IsAccepted_OnAnEnabledWorker()
    {
        var registration = RequiringExactlyOnce();

        registration.Validate(EnabledWorker);

        // On a worker without exactly-once support the same spec is refused, naming the key.
        var standalone = new Dictionary<string, string>(EnabledWorker);
        standalone.Remove("group.id");
        var refused = Assert.Throws<ConfigValidationException>(() =>
            registration.Validate(standalone)
        );
        var issue = Assert.Single(refused.Issues);
        Assert.Equal("exactly.once.support", issue.Key);
        Assert.Equal(
            "This worker does not have exactly-once source support enabled.",
            issue.Message
        );
    }

    private static ConnectorRegistration RequiringExactlyOnce()
    {
        var config = MeasurementsFileSourceConfig.Parse(
            new Dictionary<string, string?>(MeasurementsFileSourceConfig.SpecValues)
            {
                ["file"] = Path.Combine(Path.GetTempPath(), "kconnector-eos-measurements.jsonl"),
                ["exactly.once.support"] = "required",
            }
        );
        return ConnectorRegistration.ForValidated(
            isSink: false,
            _ => new ValidatedConnector(
                config.Parsed,
                (_, _) => throw new InvalidOperationException("validate makes no task")
            )
        );
    }
}
