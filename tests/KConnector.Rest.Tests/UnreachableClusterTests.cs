using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace KConnector.Rest.Tests;

/// <summary>
/// <c>GET /</c> on a worker whose Kafka cluster does not answer: still 200 with Kafka Connect's
/// shape, <c>kafka_cluster_id</c> null (it is not known), after a bounded wait, never an invented id.
/// </summary>
public sealed class UnreachableClusterTests
{
    // A port on 127.0.0.1 that nothing listens on: bound, then released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Root_WithTheClusterUnreachable_AnswersANullClusterId()
    {
        await using var server = await RestApiServer.StartAsync(
            workerSettings: new Dictionary<string, string>
            {
                ["bootstrap.servers"] = $"127.0.0.1:{ClosedPort()}",
            }
        );

        var (status, body) = await server.Client.GetJsonAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("version").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("kafka_cluster_id").ValueKind);
    }
}
