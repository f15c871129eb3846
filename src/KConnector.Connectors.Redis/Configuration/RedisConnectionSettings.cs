using System.Globalization;
using KConnector.Configuration;
using StackExchange.Redis;

namespace KConnector.Connectors.Redis.Configuration;

/// <summary>
/// Where and how to reach Redis, read from <c>redis.uri</c> and its companion keys. The password
/// stays out of <see cref="ToString"/> and <see cref="Endpoint"/>: those are what logs and errors show.
/// </summary>
public sealed record RedisConnectionSettings
{
    // redis.timeout.ms's default as its definition states it (RedisConnectionKeys, which both
    // Redis connectors include), for settings built in code rather than read.
    private static readonly int DefaultTimeoutMs = int.Parse(
        RedisSink.Definition.Find("redis.timeout.ms")!.DefaultValue!,
        CultureInfo.InvariantCulture
    );

    /// <summary>Host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port.</summary>
    public int Port { get; init; } = 6379;

    /// <summary>The database number (the URI's path).</summary>
    public int Database { get; init; }

    /// <summary>rediss:// (TLS).</summary>
    public bool Tls { get; init; }

    /// <summary>The ACL user, if any.</summary>
    public string? User { get; init; }

    /// <summary>The password, if any (a secret).</summary>
    public Password? Password { get; init; }

    /// <summary>redis.timeout.ms.</summary>
    public int TimeoutMs { get; init; } = DefaultTimeoutMs;

    /// <summary>host:port, for people (no credentials).</summary>
    public string Endpoint => Host + ":" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the connection keys of <paramref name="parsed"/>, adding an issue per bad key.</summary>
    public static RedisConnectionSettings Read(ParsedConfig parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var text = parsed.Get<string>("redis.uri") ?? string.Empty;
        var timeout = parsed.Get<int>("redis.timeout.ms");
        if (
            !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != "redis" && uri.Scheme != "rediss")
            || uri.Host.Length == 0
        )
        {
            parsed.AddIssue(
                "redis.uri",
                $"'{UrlRedaction.Redact(text)}' is not a redis:// or rediss:// URI with a host"
            );
            return new RedisConnectionSettings { Host = "localhost", TimeoutMs = timeout };
        }
        var (uriUser, uriPassword) = UserInfo(uri);
        return new RedisConnectionSettings
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port,
            Database = DatabaseOf(uri, parsed),
            Tls = uri.Scheme == "rediss",
            User = parsed.Get<string>("redis.username") ?? uriUser,
            Password =
                parsed.Get<Password>("redis.password")
                ?? (uriPassword is null ? null : new Password(uriPassword)),
            TimeoutMs = timeout,
        };
    }

    /// <summary>StackExchange.Redis options: never abort on a failed connect, reconnect in the background.</summary>
    public ConfigurationOptions ToOptions()
    {
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            ConnectTimeout = TimeoutMs,
            SyncTimeout = TimeoutMs,
            AsyncTimeout = TimeoutMs,
            DefaultDatabase = Database,
            Ssl = Tls,
            User = User,
            Password = Password?.Value,
            ClientName = "kconnector",
        };
        options.EndPoints.Add(Host, Port);
        return options;
    }

    /// <summary>The settings without the password.</summary>
    public override string ToString() =>
        $"redis.uri = {(Tls ? "rediss" : "redis")}://{Endpoint}/{Database.ToString(CultureInfo.InvariantCulture)}{(User is null ? string.Empty : ", redis.username = " + User)}";

    private static (string? User, string? Password) UserInfo(Uri uri)
    {
        if (uri.UserInfo.Length == 0)
        {
            return (null, null);
        }
        var info = Uri.UnescapeDataString(uri.UserInfo);
        var colon = info.IndexOf(':', StringComparison.Ordinal);
        // redis://:password@host (no user) is the usual form for requirepass servers.
        return colon < 0 ? (null, info)
            : colon == 0 ? (null, info[1..])
            : (info[..colon], info[(colon + 1)..]);
    }

    private static int DatabaseOf(Uri uri, ParsedConfig parsed)
    {
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length == 0)
        {
            return 0;
        }
        if (int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out var database))
        {
            return database;
        }
        parsed.AddIssue("redis.uri", $"the path '/{path}' is not a database number");
        return 0;
    }
}
