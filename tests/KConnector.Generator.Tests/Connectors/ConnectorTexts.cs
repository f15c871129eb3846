namespace KConnector.Generator.Tests.Connectors;

/// <summary>Specs and attribute classes the connector tests share.</summary>
internal static class ConnectorTexts
{
    public const string FileSinkSpec = """
        {
          "$schema": "../schemas/connector.schema.json",
          "name": "orders-file-sink",
          "config": {
            "connector.class": "FileStreamSink",
            "tasks.max": "1",
            "topics": "orders",
            "file": "out/orders.jsonl",
            "value.converter": "io.confluent.connect.avro.AvroConverter",
            "value.converter.schema.registry.url": "mock://shop",
            "value.schema": "order.avsc",
            "errors.tolerance": "all",
            "errors.deadletterqueue.topic.name": "orders-dlq"
          }
        }
        """;

    /// <summary>The example: the SQLite sink for topic orders with order.avsc.</summary>
    public const string SqliteSinkSpec = """
        {
          "$schema": "../schemas/connector.schema.json",
          "name": "orders-sqlite-sink",
          "config": {
            "connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector",
            "topics": "orders",
            "connection.url": "jdbc:sqlite:orders.db",
            "auto.create": "true",
            "insert.mode": "upsert",
            "pk.mode": "record_value",
            "pk.fields": "order_id",
            "key.converter": "org.apache.kafka.connect.storage.StringConverter",
            "value.converter": "io.confluent.connect.avro.AvroConverter",
            "value.converter.schema.registry.url": "mock://shop",
            "value.schema": "order.avsc"
          }
        }
        """;

    /// <summary>A spec configuring an instance of the attribute source <see cref="AttributeSource"/>.</summary>
    public const string SourceSpec = """
        {
          "$schema": "../schemas/connector.schema.json",
          "name": "morning-greetings",
          "config": {
            "connector.class": "Shop.Connectors.GreetingSource",
            "greeting.topic": "greetings.morning",
            "greeting.count": 25,
            "errors.log.enable": true
          }
        }
        """;

    /// <summary>A plugin descriptor in the project being compiled: its Definition is generated.</summary>
    public const string PluginDescriptor = """
        using KConnector.Configuration;
        using KConnector.Plugins;

        namespace Shop.Plugins;

        [ConnectPlugin("Shop.Plugins.AuditSink", PluginKind.Sink, Aliases = ["Audit"])]
        [ConfigKey("audit.level", ConfigType.String, Default = "info", AllowedValues = ["info", "debug"], Documentation = "How much to write.")]
        public static partial class AuditSink;

        [ConfigKeySet(ConfigKeyScope.Worker)]
        [ConfigKey("audit.worker.id", ConfigType.Int, Default = "1", Min = 1, Documentation = "The worker's id.")]
        public static partial class AuditWorkerConfigDefinition;
        """;

    public const string AttributeSink = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Configuration;
        using KConnector.Connectors;
        using KConnector.Records;
        using Shop.Orders;

        namespace Shop.Connectors;

        [SinkConnector("audit-sink", ValueType = typeof(Order), Topics = "orders")]
        public partial class AuditSink
        {
            [ConfigProperty("audit.prefix", Doc = "Prefix of each audit line.", Default = "audit")]
            public string Prefix { get; set; } = "";

            [ConfigProperty("audit.batch.max", Doc = "Largest batch.", Default = 100, Min = 1, Max = 10000, Importance = ConfigImportance.High)]
            public int BatchMax { get; set; }

            [ConfigProperty("audit.mode", Default = "append", OneOf = new[] { "append", "overwrite" })]
            public string Mode { get; set; } = "";

            [ConfigProperty("audit.token", Required = true, Secret = true, Doc = "Token of the audit service.")]
            public string Token { get; set; } = "";

            public List<string> Lines { get; } = new();

            public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, Order>> records, CancellationToken cancellationToken)
            {
                foreach (var record in records)
                {
                    Lines.Add(Prefix + ":" + record.Value?.OrderId);
                }
                return default;
            }
        }
        """;

    public const string AttributeSource = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Connectors;
        using KConnector.Records;

        namespace Shop.Connectors;

        [SourceConnector("greetings")]
        public partial class GreetingSource
        {
            private int _sent;

            [ConfigProperty("greeting.topic", Required = true, Pattern = "[a-z.-]+")]
            public string Topic { get; set; } = "";

            [ConfigProperty("greeting.count", Default = 10L, Min = 0)]
            public long Count { get; set; }

            public ValueTask StartAsync(CancellationToken cancellationToken) => default;

            public ValueTask StopAsync(CancellationToken cancellationToken) => default;

            public ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(CancellationToken cancellationToken)
            {
                var batch = new List<SourceRecord<string, string>>();
                while (_sent < Count && batch.Count < 10)
                {
                    batch.Add(new SourceRecord<string, string> { Topic = Topic, Key = "k" + _sent, Value = "hello " + _sent });
                    _sent++;
                }
                return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, string>>>(batch);
            }
        }
        """;
}
