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
        var topics = config.Get<IReadOnlyList<string>>("topics") ?? [];
        var regex = config.Get<string>("topics.regex");
        if (topics.Count > 0 && !string.IsNullOrWhiteSpace(regex))
        {
            config.AddIssue("topics", "give one of topics and topics.regex, not both");
        }
        else if (topics.Count == 0 && string.IsNullOrWhiteSpace(regex))
        {
            config.AddIssue(
                "topics",
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
            !string.IsNullOrWhiteSpace(config.Get<string>("errors.deadletterqueue.topic.name"))
            && string.Equals(
                config.Get<string>("errors.tolerance"),
                "none",
                StringComparison.OrdinalIgnoreCase
            )
        )
        {
            config.AddIssue(
                "errors.deadletterqueue.topic.name",
                "a dead letter queue needs errors.tolerance=all"
            );
        }
        return config;
    }
}
