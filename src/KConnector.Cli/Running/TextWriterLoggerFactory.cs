using KConnector.Rest;
using Microsoft.Extensions.Logging;

namespace KConnector.Cli.Running;

/// <summary>
/// The workers' loggers: every category to the command's error writer, at the level
/// <see cref="LoggerLevels"/> gives it (the root's unless set over <c>PUT /admin/loggers/{name}</c>).
/// </summary>
internal sealed class TextWriterLoggerFactory(TextWriter writer, LoggerLevels levels)
    : ILoggerFactory
{
    /// <summary>Every category from <paramref name="minimum"/> up.</summary>
    public TextWriterLoggerFactory(TextWriter writer, LogLevel minimum)
        : this(writer, new LoggerLevels(minimum)) { }

    public void AddProvider(ILoggerProvider provider) { }

    public ILogger CreateLogger(string categoryName) =>
        new TextWriterLogger<TextWriterLoggerFactory>(
            writer,
            level => levels.IsEnabled(categoryName, level)
        );

    public void Dispose() { }
}
