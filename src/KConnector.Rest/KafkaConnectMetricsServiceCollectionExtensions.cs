using KConnector.Metrics;
using KConnector.Rest.Metrics;
using KConnector.Rest.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace KConnector.Rest;

/// <summary>
/// Exports the worker's metrics (<see cref="ConnectMeter"/>: Kafka Connect's metric names) through
/// OpenTelemetry, as the worker keys ask: <c>metrics.prometheus.enable=true</c> serves them at
/// <c>/metrics</c> beside the REST API (<see cref="KafkaConnectRestEndpoints.MapKafkaConnectRestApi"/>
/// maps it), <c>metrics.otlp.endpoint</c> pushes them to an OpenTelemetry collector
/// (docs/metrics.md).
/// </summary>
public static class KafkaConnectMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the metrics export that the worker keys of <paramref name="workerConfiguration"/> ask
    /// for (the section given to <c>AddKConnectorWorker</c>; nested sections join with dots).
    /// Nothing is exported when neither key is set. Throws a
    /// <see cref="Configuration.ConfigValidationException"/> naming a key with a bad value.
    /// </summary>
    public static IServiceCollection AddKafkaConnectMetrics(
        this IServiceCollection services,
        IConfiguration workerConfiguration
    )
    {
        ArgumentNullException.ThrowIfNull(workerConfiguration);
        return services.AddKafkaConnectMetrics(WorkerSettings.Flatten(workerConfiguration));
    }

    /// <summary>Adds the metrics export that the worker settings <paramref name="workerSettings"/> ask for.</summary>
    public static IServiceCollection AddKafkaConnectMetrics(
        this IServiceCollection services,
        IReadOnlyDictionary<string, string> workerSettings
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(workerSettings);
        var settings = MetricsExportSettings.From(workerSettings);
        services.TryAddSingleton(settings);
        if (!settings.Exports)
        {
            return services;
        }
        services
            .AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ConnectMeter.Name);
                if (settings.Prometheus)
                {
                    metrics.AddPrometheusExporter(o =>
                    {
                        // Connect's names with dashes (and dots) as underscores, nothing appended:
                        // source-record-poll-total reads source_record_poll_total.
                        o.TranslationStrategy = OpenTelemetry
                            .Exporter
                            .PrometheusAspNetCoreTranslationStrategy
                            .UnderscoreEscapingWithoutSuffixes;
                        o.ScrapeResponseCacheDurationMilliseconds = 0;
                    });
                }
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(
                        (exporter, reader) =>
                        {
                            exporter.Endpoint = endpoint;
                            exporter.Protocol = settings.OtlpOverGrpc
                                ? OtlpExportProtocol.Grpc
                                : OtlpExportProtocol.HttpProtobuf;
                            reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds =
                                (int)
                                    Math.Min(
                                        settings.OtlpExportInterval.TotalMilliseconds,
                                        int.MaxValue
                                    );
                        }
                    );
                }
            });
        return services;
    }
}
