using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

/// <summary>
/// The names of the framework keys the generator has rules for (the topics conflict, the dead-letter
/// queue needing errors.tolerance=all, the schema keys that pick generated types). The keys themselves
/// (type, default, doc, validators) are defined once, in the runtime's ConfigKeySet classes, and read
/// from its metadata (<see cref="Plugins.PluginCatalogReader"/>); a test checks every name here is one of them.
/// </summary>
internal static class ConfigKeyNames
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
    public const string AdminOverridePrefix = "admin.override.";
    public const string Predicates = "predicates";

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
}
