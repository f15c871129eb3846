using KConnector.IntegrationTests.Reliability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// The hosted worker's road: connectors registered with their Add{Name}Connector on one .NET
/// host's ConnectWorker, as a user's app does, the host run until what the test waits for holds.
/// </summary>
internal static class HostedRoad
{
    /// <summary>
    /// Builds a host whose services <paramref name="connectors"/> adds to, starts it, waits (up to
    /// 90 s) until <paramref name="done"/> and stops it.
    /// </summary>
    public static async Task RunUntilAsync(
        Action<IServiceCollection> connectors,
        Func<bool> done,
        string what
    )
    {
        var builder = Host.CreateApplicationBuilder();
        connectors(builder.Services);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await TopicReader.WaitUntilAsync(done, TimeSpan.FromSeconds(90), what);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
