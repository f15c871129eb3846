using System.Collections.Concurrent;
using KConnector.Configuration;
using KConnector.Converters;
using KConnector.GeneratedCode;
using KConnector.Hosting;
using KConnector.Records;
using KConnector.Rest;
using KConnector.Tasks;
using KConnector.Worker;

namespace KConnector.Rest.Tests;

/// <summary>
/// A test sink the in-process REST tests create over HTTP: it keeps the values it is given, per
/// connector name, with the offsets they came from (<see cref="Received"/>).
/// </summary>
internal static class CollectingSink
{
    public const string ClassName = "test.CollectingSink";

    public static readonly ConcurrentDictionary<
        string,
        ConcurrentQueue<(string Value, long Offset)>
    > Received = new();

    public static readonly ConfigDefinition Definition = new(
        ClassName,
        [
            .. TestPluginConfig.CommonKeys,
            new ConfigKey
            {
                Name = "topics",
                Type = ConfigType.List,
                Required = true,
                Group = "Common",
            },
        ]
    );

    public static ConnectorPlugin Plugin { get; } =
        new(ClassName, ["CollectingSink"], true, "1.0.0", Definition);

    public static ConnectorRegistration Create(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TestPluginConfig.ParseValid(Definition, config);
        var received = Received.GetOrAdd(config["name"], _ => new());
        return ConnectorRegistration.ForValidated(
            isSink: true,
            _ => new ValidatedConnector(
                parsed,
                (options, logger) =>
                    new SinkTaskRunner<string, string>(
                        options,
                        new Task(received),
                        new StringConverter(),
                        new StringConverter(),
                        logger
                    )
            )
        );
    }

    private sealed class Task(ConcurrentQueue<(string, long)> received) : ISinkTask<string, string>
    {
        public ValueTask PutAsync(
            IReadOnlyList<SinkRecord<string, string>> records,
            CancellationToken cancellationToken
        )
        {
            foreach (var record in records)
            {
                received.Enqueue((record.Value ?? string.Empty, record.Offset));
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
