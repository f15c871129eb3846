namespace KConnector.Configuration.Framework;

/// <summary>
/// The framework's rules across keys, which no single key's definition states: Kafka Connect's
/// <c>SinkConnectorConfig.validate</c> (exactly one of <c>topics</c> and <c>topics.regex</c>) and
/// KConnector's dead-letter rule. The generator reports the same rules at build time (KCN0218,
/// KCN0207), so a build and a start give one verdict naming the same key.
/// </summary>
public static class ConnectorConfigRules
{
    /// <summary>Adds the issues of a sink connector's config to <paramref name="config"/> and returns it.</summary>
    public static ParsedConfig CheckSink(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var topics =
            config.Get<IReadOnlyList<string>>(SinkConnectorConfigDefinition.TopicsKey) ?? [];
        var regex = config.Get<string>(SinkConnectorConfigDefinition.TopicsRegexKey);
        if (topics.Count > 0 && !string.IsNullOrWhiteSpace(regex))
        {
            config.AddIssue(
                SinkConnectorConfigDefinition.TopicsKey,
                "give one of topics and topics.regex, not both"
            );
        }
        else if (topics.Count == 0 && string.IsNullOrWhiteSpace(regex))
        {
            config.AddIssue(
                SinkConnectorConfigDefinition.TopicsKey,
                "a sink connector must configure one of topics or topics.regex"
            );
        }
        return CheckSource(config);
    }

    /// <summary>Adds the issues every connector's config may have to <paramref name="config"/> and returns it.</summary>
    public static ParsedConfig CheckSource(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        // With tolerance none the first error stops the task, so nothing would ever reach the queue.
        if (
            !string.IsNullOrWhiteSpace(
                config.Get<string>(ConnectorConfigDefinition.ErrorsDeadLetterQueueTopicNameKey)
            )
            && string.Equals(
                config.Get<string>(ConnectorConfigDefinition.ErrorsToleranceKey),
                "none",
                StringComparison.OrdinalIgnoreCase
            )
        )
        {
            config.AddIssue(
                ConnectorConfigDefinition.ErrorsDeadLetterQueueTopicNameKey,
                "a dead letter queue needs errors.tolerance=all"
            );
        }
        return config;
    }
}
