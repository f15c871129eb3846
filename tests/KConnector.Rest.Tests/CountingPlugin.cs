using System.Globalization;
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
/// A test plugin the in-process REST tests create over HTTP: a source counting up from its committed
/// offset (<c>{"n": ...}</c> in partition <c>{"source": name}</c>) into <c>topic</c>, failing at
/// <c>fail.at</c> when given, odd numbers into <c>odd.topic</c> when given; <c>secret.token</c> is a Password key that must never be shown.
/// </summary>
internal sealed class CountingPlugin : IConnectorFactory
{
    public const string ClassName = "test.CountingSource";

    public static readonly ConfigDefinition Definition = new(
        ClassName,
        [
            .. TestPluginConfig.CommonKeys,
            new ConfigKey
            {
                Name = "topic",
                Type = ConfigType.String,
                Required = true,
                Documentation = "Where the numbers go.",
            },
            new ConfigKey
            {
                Name = "odd.topic",
                Type = ConfigType.String,
                DefaultValue = "",
                Documentation = "Where the odd numbers go (empty: to topic too).",
            },
            new ConfigKey
            {
                Name = "fail.at",
                Type = ConfigType.Long,
                DefaultValue = "-1",
            },
            new ConfigKey
            {
                Name = "secret.token",
                Type = ConfigType.Password,
                DefaultValue = "",
            },
        ]
    );

    public IReadOnlyList<ConnectorPlugin> Plugins { get; } =
    [
        new ConnectorPlugin(ClassName, ["CountingSource"], false, "1.0.0", Definition),
        CollectingSink.Plugin,
    ];

    public ConnectorRegistration Create(IReadOnlyDictionary<string, string> config)
    {
        if (
            config.GetValueOrDefault("connector.class")
            is "CollectingSink"
                or CollectingSink.ClassName
        )
        {
            return CollectingSink.Create(config);
        }
        var parsed = TestPluginConfig.ParseValid(Definition, config);
        var name = config["name"];
        var topic = config["topic"];
        var failAt = parsed.Get<long>("fail.at");
        var oddTopic = parsed.Get<string>("odd.topic") is { Length: > 0 } odd ? odd : topic;
        return ConnectorRegistration.ForValidated(
            isSink: false,
            _ => new ValidatedConnector(
                parsed,
                (options, logger) =>
                    new SourceTaskRunner<string, string>(
                        options,
                        new CountingSource(name, topic, oddTopic, failAt),
                        new StringConverter(),
                        new StringConverter(),
                        logger
                    )
            )
        );
    }

    public IReadOnlyList<ConfigIssue> Validate(IReadOnlyDictionary<string, string> config)
    {
        return TestPluginConfig.Parse(Definition, config).Issues;
    }

    private sealed class CountingSource(string name, string topic, string oddTopic, long failAt)
        : ISourceTask<string, string>
    {
        private long _next;

        private Dictionary<string, string> Partition => new() { ["source"] = name };

        public void Initialize(SourceTaskContext context)
        {
            var offset = context.OffsetStorageReader.Offset(Partition);
            _next = offset is null ? 0 : long.Parse(offset["n"], CultureInfo.InvariantCulture) + 1;
        }

        public async ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
            CancellationToken cancellationToken
        )
        {
            await Task.Delay(20, cancellationToken);
            if (_next == failAt)
            {
                throw new InvalidOperationException(
                    "counting failed at "
                        + failAt.ToString(CultureInfo.InvariantCulture)
                        + " calling http://admin:hunter2@example.invalid/"
                );
            }
            var odd = _next % 2 == 1;
            var n = _next++.ToString(CultureInfo.InvariantCulture);
            return
            [
                new SourceRecord<string, string>
                {
                    Topic = odd ? oddTopic : topic,
                    Value = n,
                    SourcePartition = Partition,
                    SourceOffset = new Dictionary<string, string> { ["n"] = n },
                },
            ];
        }
    }
}
