using KConnector.Rest.Endpoints;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KConnector.Rest.Server;

/// <summary>
/// Once Kestrel listens (and the worker, started before it, runs): the worker's id in status
/// answers becomes the REST address, as Kafka Connect's (<c>host:port</c>, a port 0 resolved),
/// and the connectors the <see cref="IConnectorConfigStore"/> kept from the last run are run
/// again in the state they were left in.
/// </summary>
internal sealed class RestServerStart(
    IServer server,
    IOptions<KafkaConnectRestOptions> options,
    ConnectRestApi api
) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (
            server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is
            { } address
        )
        {
            options.Value.WorkerId = new Uri(address).Authority;
        }
        await api.RestoreAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
