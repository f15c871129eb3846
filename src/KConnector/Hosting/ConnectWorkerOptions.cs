namespace KConnector.Hosting;

/// <summary>
/// Worker-wide settings under Kafka Connect's worker keys (bound from the worker's configuration
/// section). Every key is also a default for each connector's own settings, as in a Kafka Connect
/// standalone worker's properties file.
/// </summary>
public sealed class ConnectWorkerOptions
{
    /// <summary><c>bootstrap.servers</c>; empty starts an in-process, non-durable embedded cluster.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>Every worker-level setting as given (<c>offset.storage.file.filename</c>, <c>offset.flush.interval.ms</c>, <c>producer.*</c>, ...).</summary>
    public IDictionary<string, string> Settings { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The options of <paramref name="settings"/> (an empty <c>bootstrap.servers</c> is none).</summary>
    public static ConnectWorkerOptions From(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new ConnectWorkerOptions();
        foreach (var (key, value) in settings)
        {
            options.Settings[key] = value;
        }
        options.BootstrapServers = settings.GetValueOrDefault("bootstrap.servers")
            is { Length: > 0 } servers
            ? servers
            : null;
        return options;
    }
}
