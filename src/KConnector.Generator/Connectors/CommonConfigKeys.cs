using System.Collections.Generic;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

/// <summary>
/// The keys every connector has, with Kafka Connect's names, meanings and defaults
/// (<c>ConnectorConfig</c>, <c>SinkConnectorConfig</c>), plus KConnector's build-time keys.
/// schemas/connector.schema.json documents the same keys; a test keeps the two in step.
/// </summary>
internal static class CommonConfigKeys
{
    public const string Name = "name";
    public const string ConnectorClass = "connector.class";
    public const string TasksMax = "tasks.max";
    public const string Topics = "topics";
    public const string TopicsRegex = "topics.regex";
    public const string KeyConverter = "key.converter";
    public const string ValueConverter = "value.converter";
    public const string KeySchema = "key.schema";
    public const string ValueSchema = "value.schema";
    public const string ErrorsTolerance = "errors.tolerance";
    public const string DeadLetterQueueTopic = "errors.deadletterqueue.topic.name";
    public const string Transforms = "transforms";
    public const string ProducerOverridePrefix = "producer.override.";
    public const string ConsumerOverridePrefix = "consumer.override.";

    public static readonly IReadOnlyList<KnownKey> All = new[]
    {
        Both(
            Key(
                Name,
                ConfigKeyType.String,
                null,
                "High",
                "Globally unique name to use for this connector.",
                "Common",
                required: true
            )
        ),
        Both(
            Key(
                ConnectorClass,
                ConfigKeyType.String,
                null,
                "High",
                "Name or alias of the class for this connector.",
                "Common"
            )
        ),
        Both(
            Key(
                TasksMax,
                ConfigKeyType.Int,
                "1",
                "High",
                "Maximum number of tasks to use for this connector.",
                "Common",
                min: "1"
            )
        ),
        Sink(
            Key(
                Topics,
                ConfigKeyType.List,
                "",
                "High",
                "List of topics to consume, separated by commas.",
                "Common"
            )
        ),
        Sink(
            Key(
                TopicsRegex,
                ConfigKeyType.String,
                "",
                "High",
                "Regular expression giving topics to consume. Only one of topics or topics.regex should be specified.",
                "Common"
            )
        ),
        Both(
            Key(
                KeyConverter,
                ConfigKeyType.String,
                null,
                "Low",
                "Converter class used to convert between the connector's key type and the serialized form written to Kafka.",
                "Converters"
            )
        ),
        Both(
            Key(
                ValueConverter,
                ConfigKeyType.String,
                null,
                "Low",
                "Converter class used to convert between the connector's value type and the serialized form written to Kafka.",
                "Converters"
            )
        ),
        Both(
            Key(
                "key.converter.schema.registry.url",
                ConfigKeyType.String,
                "",
                "Medium",
                "Schema Registry URL of the key converter (AvroConverter, JsonSchemaConverter, ProtobufConverter): http(s)://host:port, several comma-separated, or mock://scope for the in-memory registry (the default, mock://kconnector).",
                "Converters"
            )
        ),
        Both(
            Key(
                "value.converter.schema.registry.url",
                ConfigKeyType.String,
                "",
                "Medium",
                "Schema Registry URL of the value converter (AvroConverter, JsonSchemaConverter, ProtobufConverter): http(s)://host:port, several comma-separated, or mock://scope for the in-memory registry (the default, mock://kconnector).",
                "Converters"
            )
        ),
        Both(
            Key(
                "header.converter",
                ConfigKeyType.String,
                "org.apache.kafka.connect.converters.ByteArrayConverter",
                "Low",
                "Header converter; headers are passed as raw bytes in this version.",
                "Converters",
                oneOf: new[] { "org.apache.kafka.connect.converters.ByteArrayConverter" }
            )
        ),
        Both(
            Key(
                "bootstrap.servers",
                ConfigKeyType.String,
                "",
                "High",
                "Kafka brokers (host:port, comma-separated). Empty: an embedded, non-durable cluster in the process (KConnector).",
                "Common"
            )
        ),
        Both(
            Key(
                ErrorsTolerance,
                ConfigKeyType.String,
                "none",
                "Medium",
                "Behavior for tolerating errors during connector operation. 'none' fails the task at the first error; 'all' skips problematic records.",
                "Error Handling",
                oneOf: new[] { "none", "all" }
            )
        ),
        Both(
            Key(
                "errors.retry.timeout",
                ConfigKeyType.Long,
                "0",
                "Medium",
                "Maximum duration in milliseconds that a failed operation will be reattempted; 0 for no retries, -1 for infinite retries.",
                "Error Handling",
                min: "-1"
            )
        ),
        Both(
            Key(
                "errors.retry.delay.max.ms",
                ConfigKeyType.Long,
                "60000",
                "Medium",
                "Maximum duration in milliseconds between consecutive retry attempts.",
                "Error Handling",
                min: "1"
            )
        ),
        Both(
            Key(
                "errors.log.enable",
                ConfigKeyType.Boolean,
                "false",
                "Medium",
                "Whether to log errors, failed operations and problematic records.",
                "Error Handling"
            )
        ),
        Both(
            Key(
                "errors.log.include.messages",
                ConfigKeyType.Boolean,
                "false",
                "Medium",
                "Whether to include in the log the record that caused a failure (never its secret config).",
                "Error Handling"
            )
        ),
        Both(
            Key(
                DeadLetterQueueTopic,
                ConfigKeyType.String,
                "",
                "Medium",
                "Topic to use as the dead letter queue; empty for none. Needs errors.tolerance=all. KConnector also gives sources a dead letter queue.",
                "Error Handling"
            )
        ),
        Both(
            Key(
                "errors.deadletterqueue.topic.replication.factor",
                ConfigKeyType.Int,
                "3",
                "Medium",
                "Replication factor used to create the dead letter queue topic.",
                "Error Handling",
                min: "1"
            )
        ),
        Both(
            Key(
                "errors.deadletterqueue.context.headers.enable",
                ConfigKeyType.Boolean,
                "false",
                "Medium",
                "Whether to add __connect.errors.* headers with the error context to dead letter records.",
                "Error Handling"
            )
        ),
        Both(
            Key(
                Transforms,
                ConfigKeyType.List,
                "",
                "Low",
                "Aliases for the transformations to apply to records (not supported in this version).",
                "Transforms"
            )
        ),
        BuildTime(
            Key(
                KeySchema,
                ConfigKeyType.String,
                "",
                "High",
                "KConnector: path of the .avsc or .schema.json file, relative to the spec, whose generated type is the key type. Absent: string keys (byte[] under the ByteArrayConverter).",
                "Schemas"
            )
        ),
        BuildTime(
            Key(
                ValueSchema,
                ConfigKeyType.String,
                "",
                "High",
                "KConnector: path of the .avsc or .schema.json file, relative to the spec, whose generated type is the value type. Absent: string values (byte[] under the ByteArrayConverter).",
                "Schemas"
            )
        ),
    };

    public static ConfigKeyModel Key(
        string name,
        ConfigKeyType type,
        string? defaultValue,
        string importance,
        string doc,
        string group,
        bool required = false,
        string? min = null,
        string? max = null,
        string[]? oneOf = null
    ) =>
        new(
            name,
            PropertyNameOf(name),
            type,
            defaultValue,
            required,
            importance,
            doc,
            min,
            max,
            null,
            (oneOf ?? System.Array.Empty<string>()).ToEquatableArray(),
            group
        );

    /// <summary>errors.deadletterqueue.topic.name -> ErrorsDeadletterqueueTopicName.</summary>
    public static string PropertyNameOf(string key)
    {
        var sb = new System.Text.StringBuilder();
        var upper = true;
        foreach (var c in key)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }
        return sb.ToString();
    }

    private static KnownKey Both(ConfigKeyModel key) => new(key, true, true, false);

    private static KnownKey Sink(ConfigKeyModel key) => new(key, false, true, false);

    private static KnownKey BuildTime(ConfigKeyModel key) => new(key, true, true, true);
}
