using System.Net;
using System.Text.Json;
using KConnector.Kafka;

namespace KConnector.Rest.Tests;

/// <summary>
/// Config providers on <c>kconnector run worker.properties</c> (another process) over REST: the
/// worker file's <c>config.providers</c> (Kafka's DirectoryConfigProvider with allowed.paths)
/// resolve a connector created over <c>POST /connectors</c>; <c>GET /connectors/{name}/config</c>
/// answers the unresolved <c>${dir:...}</c> text, as Kafka Connect answers the submitted config; a
/// reference to a provider the worker does not name is refused naming the connector's key.
/// </summary>
public sealed class ConfigProvidersRestTests : IDisposable
{
    private readonly string _secrets = Directory
        .CreateTempSubdirectory("kconnector-secrets-")
        .FullName;

    [Fact]
    public async Task AConnectorCreatedOverRest_ResolvesThroughTheWorkersProviders_AndShowsTheReference()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 1);
        using var session = new OperatorSession(
            kafka.BootstrapServers,
            $"""
            config.providers=dir
            config.providers.dir.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider
            config.providers.dir.param.allowed.paths={_secrets}
            """
        );
        // The mounted secret holds the input's path, with no trailing newline.
        File.WriteAllText(Path.Combine(_secrets, "input-file"), session.Input);
        var reference = "${dir:" + _secrets + ":input-file}";
        var tool = ToolProcess.Run(session.Folder, session.WorkerProperties);
        try
        {
            using var client = new HttpClient
            {
                BaseAddress = await tool.RestAddressAsync(),
                Timeout = TimeSpan.FromMinutes(2),
            };
            var source = session
                .SourceJson("orders-source")
                .Replace(
                    JsonSerializer.Serialize(session.Input),
                    JsonSerializer.Serialize(reference),
                    StringComparison.Ordinal
                );
            var created = await client.PostJsonAsync("/connectors", source);
            Assert.True(
                created.Status == HttpStatusCode.Created,
                created.Body.ToString() + "\n" + tool.Output
            );
            Assert.Equal(
                HttpStatusCode.Created,
                (await client.PostJsonAsync("/connectors", session.SinkJson("orders-sink"))).Status
            );

            session.AppendOrders(0, 3);
            await Http.UntilAsync(
                () => Task.FromResult(session.Written().Count >= 3),
                "the sink to write the 3 orders the source read from the resolved path",
                TimeSpan.FromSeconds(90)
            );
            Assert.Equal(OperatorSession.Orders(0, 3), session.Written());
            var (status, config) = await client.GetJsonAsync("/connectors/orders-source/config");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(reference, config.GetProperty("file").GetString());
            var (_, info) = await client.GetJsonAsync("/connectors/orders-source");
            Assert.Equal(reference, info.GetProperty("config").GetProperty("file").GetString());

            // The worker names no env provider: refused, naming the key, nothing created.
            var refused = await client.PostJsonAsync(
                "/connectors",
                session
                    .SourceJson("env-source")
                    .Replace(
                        JsonSerializer.Serialize(session.Input),
                        "\"${env:HOME}\"",
                        StringComparison.Ordinal
                    )
            );
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            var message = refused.Body.GetProperty("message").GetString()!;
            Assert.Contains("file", message, StringComparison.Ordinal);
            Assert.Contains(
                "config provider 'env', which is not registered (known: dir",
                message,
                StringComparison.Ordinal
            );
            var (_, names) = await client.GetJsonAsync("/connectors");
            Assert.Equal("orders-sink,orders-source", Http.Names(names));
            Assert.Equal(0, await tool.StopAsync());
        }
        finally
        {
            tool.Dispose();
        }
    }

    public void Dispose() => Directory.Delete(_secrets, recursive: true);
}
