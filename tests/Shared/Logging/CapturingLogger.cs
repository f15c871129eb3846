using System.Collections.Concurrent;
using KConnector.Connectors;
using Microsoft.Extensions.Logging;

namespace KConnector.Testing.Logging;

/// <summary>
/// Keeps every formatted log line with its exception's text, to check what a worker tells its
/// operator (and that no secret reaches it). One instance serves as the logger a connector
/// environment takes, as a host's logger provider and as a logger factory: every category
/// writes to the same <see cref="Lines"/>.
/// </summary>
internal sealed class CapturingLogger
    : ILogger<ConnectorEnvironment>,
        ILoggerFactory,
        ILoggerProvider
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
    ) =>
        Lines.Enqueue(
            exception is null
                ? formatter(state, exception)
                : formatter(state, exception) + " " + exception
        );

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) { }

    public void Dispose() { }
}
