namespace KConnector.Hosting;

/// <summary>
/// A write only the leader of a distributed worker group makes (Kafka Connect's
/// <c>NotLeaderException</c>): creating, reconfiguring, stopping or deleting a connector.
/// </summary>
public sealed class NotLeaderException : RequestTargetException
{
    /// <summary>Creates the exception naming the leader's REST URL, or null while no leader is known (a rebalance).</summary>
    public NotLeaderException(string message, string? leaderUrl)
        : base(message, leaderUrl) { }

    /// <summary>Creates the exception without a leader.</summary>
    public NotLeaderException()
        : this("Only the leader can complete this request", (string?)null) { }

    /// <summary>Creates the exception without a leader.</summary>
    public NotLeaderException(string message)
        : this(message, (string?)null) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public NotLeaderException(string message, Exception innerException)
        : base(message, innerException) { }
}
