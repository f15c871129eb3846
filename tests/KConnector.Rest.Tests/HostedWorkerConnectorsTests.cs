using System.Net;
using System.Text.Json;
using KConnector.Kafka;

namespace KConnector.Rest.Tests;

/// <summary>
/// Issue 14 item 2 on the hosted road: a hosted worker (<see cref="HostedWorker"/>) creates
/// connectors of the plugins it references over <c>POST /connectors</c>, compiled at run time by
/// the factory <c>kconnector run</c> uses, and its configs survive a restart of the host.
/// </summary>
public sealed class HostedWorkerConnectorsTests
{
    // The test projects run side by side on a loaded machine.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ConnectorsCreatedOverRest_Run_AndComeBackAfterTheHostRestarts()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 1);
        using var session = new OperatorSession(kafka.BootstrapServers);
        // value.schema an absolute path: a schema file the host compiles, as kconnector run does.
        var schema = JsonSerializer.Serialize(Path.Combine(session.Folder, "order.avsc"));

        await using (var host = await HostedWorker.StartAsync(session, kafka.BootstrapServers))
        {
            var source = await host.Client.PostJsonAsync(
                "/connectors",
                session.SourceJson("orders-source").Replace("\"order.avsc\"", schema)
            );
            Assert.Equal(HttpStatusCode.Created, source.Status);
            Assert.Equal("source", source.Body.GetProperty("type").GetString());
            var sink = await host.Client.PostJsonAsync(
                "/connectors",
                session.SinkJson("orders-sink").Replace("\"order.avsc\"", schema)
            );
            Assert.Equal(HttpStatusCode.Created, sink.Status);

            session.AppendOrders(0, 5);
            await Http.UntilAsync(
                () => Task.FromResult(session.Written().Count >= 5),
                "the hosted sink to write the first 5 orders",
                Generous
            );
            Assert.Equal(OperatorSession.Orders(0, 5), session.Written());
            await AssertRunningAsync(host, "orders-source");
        }

        // A new host over the same files: the connectors come back from the configs file, the
        // source resumes from its offset (the orders after it only).
        await using (var host = await HostedWorker.StartAsync(session, kafka.BootstrapServers))
        {
            var names = await host.Client.GetJsonAsync("/connectors");
            Assert.Equal("orders-sink,orders-source", Http.Names(names.Body));
            await AssertRunningAsync(host, "orders-source");
            await AssertRunningAsync(host, "orders-sink");
            session.AppendOrders(5, 8);
            await Http.UntilAsync(
                () => Task.FromResult(session.Written().Count >= 8),
                "the restarted host's sink to write orders 5..7",
                Generous
            );
            Assert.Equal(OperatorSession.Orders(0, 8), session.Written());
        }
    }

    [Fact]
    public async Task AConfigTheFactoryRefuses_Answers400NamingTheKey_AndNothingIsCreated()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        using var session = new OperatorSession(kafka.BootstrapServers);
        await using var host = await HostedWorker.StartAsync(session, kafka.BootstrapServers);

        // A FileStreamSource needs a record type: no value.schema is refused, naming the key.
        var refused = await host.Client.PostJsonAsync(
            "/connectors",
            session
                .SourceJson("no-schema")
                .Replace(", \"value.schema\": \"order.avsc\"", string.Empty)
        );

        var message = refused.AssertError(HttpStatusCode.BadRequest);
        Assert.Contains("value.schema", message, StringComparison.Ordinal);
        Assert.Equal("", Http.Names((await host.Client.GetJsonAsync("/connectors")).Body));
    }

    // The connector and each of its tasks RUNNING, from the worker at the REST address.
    private static Task AssertRunningAsync(HostedWorker host, string name) =>
        Http.UntilAsync(
            async () =>
            {
                var status = await host.Client.GetJsonAsync($"/connectors/{name}/status");
                Assert.Equal(HttpStatusCode.OK, status.Status);
                var connector = status.Body.GetProperty("connector");
                Assert.Equal(
                    host.Address.Authority,
                    connector.GetProperty("worker_id").GetString()
                );
                var tasks = status.Body.GetProperty("tasks").EnumerateArray().ToList();
                return connector.GetProperty("state").GetString() == "RUNNING"
                    && tasks.Count > 0
                    && tasks.All(t => t.GetProperty("state").GetString() == "RUNNING");
            },
            $"{name} to read RUNNING",
            Generous
        );
}
