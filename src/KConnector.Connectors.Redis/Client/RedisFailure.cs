using StackExchange.Redis;

namespace KConnector.Connectors.Redis.Client;

/// <summary>
/// Whose fault a failed command is. Redis down, a timeout, a server that is loading, read-only or
/// out of memory: not the record's, so the batch is retried and never dead-lettered. An error
/// reply about the command itself (WRONGTYPE, ERR): the record's, so it alone goes to
/// errors.tolerance and the dead-letter queue.
/// </summary>
internal static class RedisFailure
{
    // Error-reply prefixes that describe the server's state, not the command (redis.io/docs/reference/protocol-spec).
    private static readonly string[] ServerStatePrefixes =
    [
        "LOADING",
        "READONLY",
        "OOM",
        "BUSY",
        "MASTERDOWN",
        "CLUSTERDOWN",
        "TRYAGAIN",
        "NOAUTH",
        "WRONGPASS",
        "NOPERM",
        "MISCONF",
        "NOREPLICAS",
    ];

    /// <summary>True when <paramref name="error"/> says Redis could not take any command now.</summary>
    public static bool IsUnavailable(Exception error) =>
        error switch
        {
            RedisServerException server => ServerStatePrefixes.Any(p =>
                server.Message.StartsWith(p, StringComparison.Ordinal)
            ),
            RedisConnectionException or RedisTimeoutException => true,
            TimeoutException or ObjectDisposedException or System.Net.Sockets.SocketException =>
                true,
            AggregateException { InnerException: { } inner } => IsUnavailable(inner),
            _ => false,
        };
}
