using System.Net;
using System.Text.Json;
using KConnector.Kafka;

namespace KConnector.Rest.Tests;

/// <summary>
/// Issue 15 item 5 on the hosted road: a connector created over REST names a transformation
/// declared in the host's own project (<see cref="TopicSuffix"/>); the factory's run-time compile
/// checks its keys against the descriptor and the worker runs it.
/// </summary>
public sealed class HostedProjectTransformTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private const string Transform =
        ", \"transforms\": \"suffix\", \"transforms.suffix.type\": \"RestTestTopicSuffix\"";

    [Fact]
    public async Task AConnectorCreatedOverRest_RunsTheHostProjectsTransformation()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders-suffixed", partitions: 1);
        using var session = new OperatorSession(kafka.BootstrapServers);
        var schema = JsonSerializer.Serialize(Path.Combine(session.Folder, "order.avsc"));
        await using var host = await HostedWorker.StartAsync(session, kafka.BootstrapServers);

        var source = await host.Client.PostJsonAsync(
            "/connectors",
            session
                .SourceJson(
                    "suffixed-source",
                    Transform + ", \"transforms.suffix.suffix\": \"-suffixed\""
                )
                .Replace("\"order.avsc\"", schema)
        );
        Assert.Equal(HttpStatusCode.Created, source.Status);
        // The sink reads the topic only the transformation routes to.
        var sink = await host.Client.PostJsonAsync(
            "/connectors",
            session
                .SinkJson("suffixed-sink")
                .Replace("\"topics\": \"orders\"", "\"topics\": \"orders-suffixed\"")
                .Replace("\"order.avsc\"", schema)
        );
        Assert.Equal(HttpStatusCode.Created, sink.Status);

        session.AppendOrders(0, 5);
        await Http.UntilAsync(
            () => Task.FromResult(session.Written().Count >= 5),
            "the sink of orders-suffixed to write the 5 orders",
            Generous
        );
        Assert.Equal(OperatorSession.Orders(0, 5), session.Written());
    }

    [Fact]
    public async Task AKeyTheHostProjectsTransformationDoesNotHave_Answers400NamingIt()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        using var session = new OperatorSession(kafka.BootstrapServers);
        var schema = JsonSerializer.Serialize(Path.Combine(session.Folder, "order.avsc"));
        await using var host = await HostedWorker.StartAsync(session, kafka.BootstrapServers);

        var refused = await host.Client.PostJsonAsync(
            "/connectors",
            session
                .SourceJson("typo", Transform + ", \"transforms.suffix.sufix\": \"-x\"")
                .Replace("\"order.avsc\"", schema)
        );

        var message = refused.AssertError(HttpStatusCode.BadRequest);
        Assert.Contains("transforms.suffix.sufix", message, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"suffix\"?", message, StringComparison.Ordinal);
        Assert.Equal("", Http.Names((await host.Client.GetJsonAsync("/connectors")).Body));
    }
}
