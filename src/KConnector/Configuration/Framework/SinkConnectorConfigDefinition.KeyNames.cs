namespace KConnector.Configuration.Framework;

// The names of the keys the runtime reads by name (Kafka Connect's *_CONFIG constants): the
// [ConfigKey] attributes state them through these constants, so each name is written once.
public static partial class SinkConnectorConfigDefinition
{
    /// <summary><c>topics</c>.</summary>
    public const string TopicsKey = "topics";

    /// <summary><c>topics.regex</c>.</summary>
    public const string TopicsRegexKey = "topics.regex";
}
