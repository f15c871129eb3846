namespace KConnector.IntegrationTests.Reliability;

/// <summary>Consumer settings for tests in which a member leaves and another joins.</summary>
internal static class MockGroup
{
    /// <summary>
    /// librdkafka's mock cluster keeps a member that sent LeaveGroup until its session times out
    /// before it completes the next rebalance (observed: a restarted sink waited 45 s, the default
    /// session.timeout.ms). Kafka's own minimum, 6 s, keeps restart tests short.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RestartFriendly = new Dictionary<
        string,
        string
    >
    {
        ["session.timeout.ms"] = "6000",
    };
}
