using KConnector.Configuration;
using KConnector.Configuration.Framework;
using KConnector.Worker;

namespace KConnector.Rest.Metrics;

/// <summary>
/// The worker's metrics keys (<c>metrics.prometheus.enable</c>, <c>metrics.otlp.*</c>), read
/// through their one definition, <see cref="WorkerConfigDefinition"/>: its defaults and checks.
/// </summary>
internal sealed record MetricsExportSettings(
    bool Prometheus,
    Uri? OtlpEndpoint,
    bool OtlpOverGrpc,
    TimeSpan OtlpExportInterval
)
{
    /// <summary>Whether any export is on.</summary>
    public bool Exports => Prometheus || OtlpEndpoint is not null;

    /// <summary>Reads the keys; a bad value throws a <see cref="ConfigValidationException"/> naming its key.</summary>
    public static MetricsExportSettings From(IReadOnlyDictionary<string, string> worker)
    {
        var parsed = WorkerConfigDefinition.Definition.Parse(
            worker.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal)
        );
        var issues = parsed
            .Issues.Where(i => i.Key.StartsWith("metrics.", StringComparison.Ordinal))
            .ToList();
        var endpoint = parsed.Get<string>(ConnectorConfig.MetricsOtlpEndpointKey);
        Uri? otlp = null;
        if (
            !string.IsNullOrWhiteSpace(endpoint)
            && (
                !Uri.TryCreate(endpoint, UriKind.Absolute, out otlp)
                || otlp.Scheme is not ("http" or "https")
            )
        )
        {
            issues.Add(
                new ConfigIssue(
                    ConnectorConfig.MetricsOtlpEndpointKey,
                    $"'{UrlRedaction.RedactIn(endpoint)}' is not an http:// or https:// URL"
                )
            );
        }
        if (issues.Count > 0)
        {
            throw new ConfigValidationException("worker", issues);
        }
        return new MetricsExportSettings(
            parsed.Get<bool>(ConnectorConfig.MetricsPrometheusEnableKey),
            otlp,
            parsed.Get<string>(ConnectorConfig.MetricsOtlpProtocolKey) != "http/protobuf",
            TimeSpan.FromMilliseconds(
                parsed.Get<long>(ConnectorConfig.MetricsOtlpExportIntervalKey)
            )
        );
    }
}
