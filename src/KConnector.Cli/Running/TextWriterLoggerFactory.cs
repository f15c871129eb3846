using Microsoft.Extensions.Logging;

namespace KConnector.Cli.Running;

/// <summary>The workers' loggers: every category to the command's error writer, from <c>minimum</c> up.</summary>
internal sealed class TextWriterLoggerFactory(TextWriter writer, LogLevel minimum) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider) { }

    public ILogger CreateLogger(string categoryName) =>
        new TextWriterLogger<TextWriterLoggerFactory>(writer, minimum);

    public void Dispose() { }
}
