using System.Globalization;
using Confluent.Kafka;
using KConnector.Errors;

namespace KConnector.Worker;

/// <summary>
/// Whether a task's Kafka cluster can be reached (issue 20, item 3). librdkafka reports every failed
/// connection attempt (a closed port: about 13 a second, for ever); this turns them into one warning
/// that Kafka at <c>bootstrap.servers</c> cannot be reached, a reminder at most every 30 s and a line
/// when it answers again (<see cref="DependencyWait"/>), the task's <see cref="IConnectTask.WaitingFor"/>,
/// and, once the cluster has been unreachable for its timeout, a failure of the task that names the
/// key: for a source's producer <c>delivery.timeout.ms</c> (librdkafka's <c>message.timeout.ms</c>,
/// default 300000, as <c>producer.override.delivery.timeout.ms</c> per connector); for a sink's
/// consumer <c>max.poll.interval.ms</c> (default 300000, as <c>consumer.override.max.poll.interval.ms</c>):
/// a consumer kept from the cluster that long has lost its place in the group anyway, as Kafka's
/// group coordinator treats a member silent past it.
/// </summary>
internal sealed class KafkaReachability
{
    /// <summary>The key whose value bounds how long Kafka may stay unreachable from a source's producer.</summary>
    internal const string TimeoutKey = "delivery.timeout.ms";

    /// <summary>The key whose value bounds how long Kafka may stay unreachable from a sink's consumer.</summary>
    internal const string ConsumerTimeoutKey = "max.poll.interval.ms";

    /// <summary>librdkafka's default <c>message.timeout.ms</c> (its alias <c>delivery.timeout.ms</c>).</summary>
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(300_000);

    private readonly DependencyWait _wait;
    private readonly string _servers;
    private readonly TimeProvider _time;
    private readonly string _timeoutKey;
    private readonly string _afterwards;
    private volatile bool _unreachable;
    private long _since;
    private string _reason = "";

    public KafkaReachability(
        DependencyWait wait,
        string servers,
        IReadOnlyDictionary<string, string> clientConfig,
        TimeProvider? time = null,
        bool consumer = false
    )
    {
        _wait = wait;
        _servers = servers;
        _time = time ?? TimeProvider.System;
        _timeoutKey = consumer ? ConsumerTimeoutKey : TimeoutKey;
        _afterwards = consumer
            ? "the records not committed are read again at the next start"
            : "the records not acknowledged are sent again at the next start";
        Timeout = TimeoutOf(
            clientConfig,
            consumer ? [ConsumerTimeoutKey] : [TimeoutKey, "message.timeout.ms"]
        );
    }

    /// <summary>How long the cluster may stay unreachable before the task fails; infinite for 0.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>"Kafka at host:port": the dependency's name in logs and status.</summary>
    public string Dependency => "Kafka at " + _servers;

    /// <summary>
    /// Takes a client error: true when it says the cluster cannot be reached (it is then reported
    /// here, at a bounded rate); false for any other error, which the caller logs itself.
    /// </summary>
    public bool Report(Error error)
    {
        if (!IsUnreachable(error.Code))
        {
            return false;
        }
        lock (_wait)
        {
            if (!_unreachable)
            {
                _since = _time.GetTimestamp();
                _unreachable = true;
            }
            _reason = error.Reason;
        }
        _wait.Waiting(
            new DependencyUnavailableException(
                Dependency,
                $"{Dependency} cannot be reached ({error.Reason}); records wait until it can, for up to {_timeoutKey}={Milliseconds(Timeout)}"
            ),
            TimeSpan.Zero
        );
        return true;
    }

    /// <summary>The cluster answered (a delivery, a fetch, a metadata probe). Cheap when it was reachable.</summary>
    public void Reachable()
    {
        if (!_unreachable)
        {
            return;
        }
        _unreachable = false;
        _wait.Resumed();
    }

    /// <summary>
    /// The failure of the task once the cluster has been unreachable for <see cref="Timeout"/>; null
    /// before. <paramref name="probe"/> asks the cluster for metadata first (true: it answered), since
    /// a cluster that came back while nothing was sent reports no event.
    /// </summary>
    public async ValueTask<ConnectException?> ExpiredAsync(Stage stage, Func<bool> probe)
    {
        if (!_unreachable || Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return null;
        }
        long since;
        string reason;
        lock (_wait)
        {
            since = _since;
            reason = _reason;
        }
        var elapsed = _time.GetElapsedTime(since);
        if (elapsed < Timeout)
        {
            return null;
        }
        if (await Task.Run(probe).ConfigureAwait(false))
        {
            Reachable();
            return null;
        }
        return new ConnectException(
            stage,
            $"{Dependency} could not be reached for {Seconds(Timeout)} s ({_timeoutKey}): {reason}. Check bootstrap.servers and that the cluster is up; {_afterwards}.",
            new DependencyUnavailableException(Dependency, reason)
        );
    }

    /// <summary>Whether the cluster is currently known to be unreachable.</summary>
    public bool IsDown => _unreachable;

    /// <summary>Errors that say the cluster (not a record) is the problem: never a record error.</summary>
    public static bool IsUnreachable(ErrorCode code) =>
        code
            is ErrorCode.Local_AllBrokersDown
                or ErrorCode.Local_Transport
                or ErrorCode.Local_Resolve
                or ErrorCode.Local_MsgTimedOut
                or ErrorCode.Local_TimedOut
                or ErrorCode.RequestTimedOut
                or ErrorCode.NetworkException;

    private static TimeSpan TimeoutOf(IReadOnlyDictionary<string, string> config, string[] keys)
    {
        foreach (var key in keys)
        {
            if (
                config.TryGetValue(key, out var text)
                && long.TryParse(
                    text,
                    NumberStyles.Integer,
                    CultureInfo.InvariantCulture,
                    out var ms
                )
                && ms >= 0
            )
            {
                // librdkafka: 0 means no limit.
                return ms == 0
                    ? System.Threading.Timeout.InfiniteTimeSpan
                    : TimeSpan.FromMilliseconds(ms);
            }
        }
        return DefaultTimeout;
    }

    private static string Milliseconds(TimeSpan timeout) =>
        timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? "0 (no limit)"
            : ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan timeout) =>
        timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
