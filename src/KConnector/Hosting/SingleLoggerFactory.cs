using Microsoft.Extensions.Logging;

namespace KConnector.Hosting;

/// <summary>
/// Hands out one logger for every category: a worker run for a single connector outside a host
/// logs where that connector's caller asked it to.
/// </summary>
internal sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider) { }

    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose() { }
}
