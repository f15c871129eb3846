using Microsoft.Extensions.Logging;

namespace KConnector.Hosting;

// Log lines of the run-time lifecycle.
public sealed partial class ConnectWorker
{
    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Connector {Connector}: restarting its tasks failed"
    )]
    private static partial void LogRestartFailed(ILogger logger, string connector, Exception e);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Connector {Connector} task {Task} failed; restarting it automatically in {DelayMs} ms (attempt {Attempt} of {MaxAttempts})"
    )]
    private static partial void LogAutoRestart(
        ILogger logger,
        string connector,
        int task,
        long delayMs,
        int attempt,
        int maxAttempts
    );

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Connector {Connector} task {Task} failed after {MaxAttempts} automatic restarts: it stays FAILED"
    )]
    private static partial void LogAutoRestartGaveUp(
        ILogger logger,
        string connector,
        int task,
        int maxAttempts
    );
}
