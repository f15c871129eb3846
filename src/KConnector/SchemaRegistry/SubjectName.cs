namespace KConnector.SchemaRegistry;

/// <summary>Subject names by <see cref="SubjectNameStrategy"/>, and the strategies' config values.</summary>
public static class SubjectName
{
    private const string Package = "io.confluent.kafka.serializers.subject.";

    /// <summary>The subject for a record of <paramref name="recordName"/> written to <paramref name="topic"/>.</summary>
    public static string For(
        SubjectNameStrategy strategy,
        string topic,
        bool isKey,
        string recordName
    ) =>
        strategy switch
        {
            SubjectNameStrategy.TopicNameStrategy => topic + (isKey ? "-key" : "-value"),
            SubjectNameStrategy.RecordNameStrategy => recordName,
            SubjectNameStrategy.TopicRecordNameStrategy => topic + "-" + recordName,
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
        };

    /// <summary>
    /// Reads a strategy from its Confluent class name (<c>io.confluent.kafka.serializers.subject.TopicNameStrategy</c>)
    /// or its simple name; <paramref name="key"/> names the config key in the error.
    /// </summary>
    public static SubjectNameStrategy Parse(string value, string key)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.Trim();
        if (name.StartsWith(Package, StringComparison.Ordinal))
        {
            name = name[Package.Length..];
        }
        return name switch
        {
            "TopicNameStrategy" => SubjectNameStrategy.TopicNameStrategy,
            "RecordNameStrategy" => SubjectNameStrategy.RecordNameStrategy,
            "TopicRecordNameStrategy" => SubjectNameStrategy.TopicRecordNameStrategy,
            _ => throw new Configuration.ConfigValueException(
                key,
                $"'{key}' is '{value}'; expected {Package}TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy."
            ),
        };
    }
}
