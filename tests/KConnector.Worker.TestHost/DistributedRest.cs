using KConnector.Distributed;
using KConnector.Hosting;
using KConnector.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KConnector.Worker.TestHost;

/// <summary>Kafka Connect's REST API on a distributed test worker, on its <c>listeners</c> (Kestrel).</summary>
internal static class DistributedRest
{
    public static async Task<WebApplication> StartAsync(
        DistributedWorker worker,
        string listener,
        Func<IReadOnlyDictionary<string, string>, ConnectorRegistration> create
    )
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listener);
        builder.Services.AddSingleton<IConnectorController>(worker);
        builder.Services.AddSingleton<IConnectorFactory>(new TestConnectorFactory(create));
        builder.Services.AddKafkaConnectRestApi(o => o.WorkerId = worker.WorkerId);
        var app = builder.Build();
        app.MapKafkaConnectRestApi();
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }
}
