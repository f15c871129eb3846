using KConnector.Configuration;
using KConnector.Connectors.Redis.Configuration;
using KConnector.Errors;
using StackExchange.Redis;

namespace KConnector.Connectors.Redis.Client;

/// <summary>
/// One task's connection to Redis: connected on first use, reconnecting in the background
/// (StackExchange.Redis), failing commands at once while disconnected (so the worker's backoff,
/// not a client queue, decides when to try again). Every message it builds for a person goes
/// through <see cref="Scrub"/>: the password never reaches a log, an exception or a status trace.
/// </summary>
internal sealed class RedisClient : IAsyncDisposable, IDisposable
{
    private readonly RedisConnectionSettings _settings;
    private ConnectionMultiplexer? _multiplexer;

    /// <summary>Creates the client; nothing connects yet.</summary>
    public RedisClient(RedisConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    /// <summary>host:port, for people.</summary>
    public string Endpoint => _settings.Endpoint;

    /// <summary>The database, connecting first if needed.</summary>
    /// <exception cref="DependencyUnavailableException">Redis could not be reached.</exception>
    public async ValueTask<IDatabase> DatabaseAsync()
    {
        if (_multiplexer is null)
        {
            var options = _settings.ToOptions();
            // Fail fast while disconnected: a command the client queued could run after the
            // worker gave up on the batch, and the worker's retry is the one place that waits.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            try
            {
                _multiplexer = await ConnectionMultiplexer
                    .ConnectAsync(options)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (RedisFailure.IsUnavailable(e))
            {
                throw Unavailable(e, "connecting");
            }
        }
        return _multiplexer.GetDatabase(_settings.Database);
    }

    /// <summary>
    /// The exception for a failure that is not the records' fault: retriable, naming the endpoint,
    /// carrying no cause (a client exception's text or data could hold the connection string).
    /// </summary>
    public DependencyUnavailableException Unavailable(Exception error, string doing)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new DependencyUnavailableException(
            "Redis at " + Endpoint,
            $"Redis at {Endpoint} is unavailable while {doing}: {error.GetType().Name}: {Scrub(error.Message)}"
        );
    }

    /// <summary><paramref name="text"/> with the password and any URL credentials hidden.</summary>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var password = _settings.Password?.Value;
        if (!string.IsNullOrEmpty(password))
        {
            text = text.Replace(password, UrlRedaction.Hidden, StringComparison.Ordinal);
        }
        return UrlRedaction.RedactIn(text);
    }

    /// <inheritdoc />
    public void Dispose() => _multiplexer?.Dispose();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
