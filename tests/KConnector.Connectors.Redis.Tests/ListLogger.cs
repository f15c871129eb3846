using System.Collections.Concurrent;
using KConnector.Connectors;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Redis.Tests;

/// <summary>Keeps every log line with its exception, to check what reaches an operator (no secrets).</summary>
internal sealed class ListLogger : ILogger<ConnectorEnvironment>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    ) => Lines.Enqueue(formatter(state, exception) + " " + exception);
}
