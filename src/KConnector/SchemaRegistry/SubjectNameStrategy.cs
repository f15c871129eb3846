namespace KConnector.SchemaRegistry;

/// <summary>
/// How a converter names the subject it registers a schema under, as Confluent's
/// <c>io.confluent.kafka.serializers.subject.*Strategy</c> classes (config keys
/// <c>key.subject.name.strategy</c> / <c>value.subject.name.strategy</c>).
/// </summary>
public enum SubjectNameStrategy
{
    /// <summary><c>{topic}-key</c> / <c>{topic}-value</c> (the default).</summary>
    TopicNameStrategy,

    /// <summary>The record's fully qualified name, whatever the topic.</summary>
    RecordNameStrategy,

    /// <summary><c>{topic}-{record's fully qualified name}</c>.</summary>
    TopicRecordNameStrategy,
}
