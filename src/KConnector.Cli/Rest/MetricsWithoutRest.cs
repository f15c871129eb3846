using KConnector.Configuration;
using KConnector.Rest;
using KConnector.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KConnector.Cli.Rest;

/// <summary>
/// Metrics export of a <c>kconnector run</c> that serves no REST API (<c>listeners</c> empty):
/// OTLP still pushes, from a host of its own; a Prometheus endpoint has no listener to be served on.
/// </summary>
internal static class MetricsWithoutRest
{
    /// <summary>Starts the OTLP export the worker keys ask for, or returns null when they ask for none.</summary>
    public static async Task<IHost?> StartAsync(
        IReadOnlyDictionary<string, string> worker,
        CancellationToken cancellationToken
    )
    {
        if (
            worker.TryGetValue(ConnectorConfig.MetricsPrometheusEnableKey, out var prometheus)
            && bool.TryParse(prometheus, out var enabled)
            && enabled
        )
        {
            throw new ConfigValidationException(
                "worker",
                [
                    new ConfigIssue(
                        ConnectorConfig.MetricsPrometheusEnableKey,
                        $"/metrics is served on the REST API's listeners, and {ConnectorConfig.ListenersKey} is empty"
                    ),
                ]
            );
        }
        if (
            !worker.TryGetValue(ConnectorConfig.MetricsOtlpEndpointKey, out var endpoint)
            || string.IsNullOrWhiteSpace(endpoint)
        )
        {
            return null;
        }
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddKafkaConnectMetrics(worker);
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }
}
