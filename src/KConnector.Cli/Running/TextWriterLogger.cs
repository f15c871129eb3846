using KConnector.Configuration;
using Microsoft.Extensions.Logging;

namespace KConnector.Cli.Running;

/// <summary>
/// Writes the workers' log lines to the command's error writer (so that stdout stays the
/// progress a script reads), one line each: <c>warn: message</c>.
/// </summary>
internal sealed class TextWriterLogger<T>(TextWriter writer, Func<LogLevel, bool> enabled)
    : ILogger<T>
{
    /// <summary>Logs from <paramref name="minimum"/> up.</summary>
    public TextWriterLogger(TextWriter writer, LogLevel minimum)
        : this(writer, level => level >= minimum && level != LogLevel.None) { }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => enabled(logLevel);

    /// <inheritdoc />
    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    )
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        var line = $"{Label(logLevel)}: {formatter(state, exception)}";
        if (exception is not null)
        {
            line += " (" + exception.GetType().Name + ": " + exception.Message + ")";
        }
        // The last line of defence: a URL quoted by another library's message keeps no credentials.
        line = UrlRedaction.RedactIn(line);
        lock (writer)
        {
            writer.WriteLine(line);
        }
    }

    private static string Label(LogLevel level) =>
        level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
}
