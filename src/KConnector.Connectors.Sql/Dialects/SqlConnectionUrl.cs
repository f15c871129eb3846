using Microsoft.Data.Sqlite;
using Npgsql;

namespace KConnector.Connectors.Sql.Dialects;

/// <summary>
/// Turns the JDBC connector's <c>connection.url</c> (<c>jdbc:postgresql://host:port/db</c>,
/// <c>jdbc:sqlite:path</c>, <c>jdbc:mysql://host:port/db</c>) into a dialect and an ADO.NET
/// connection string, so users keep the URLs they already have. <c>connection.user</c> and
/// <c>connection.password</c> override credentials given in the URL's query.
/// </summary>
/// <param name="Dialect">The dialect the URL's sub-protocol selects.</param>
/// <param name="ConnectionString">The ADO.NET connection string (holds the password: never log it).</param>
public sealed record SqlConnectionUrl(SqlDialect Dialect, string ConnectionString)
{
    /// <summary>
    /// The database for people, without credentials: "SQLite database /full/path.db",
    /// "PostgreSQL database shop at db:5432". Errors name it, since a driver's message often does
    /// not (SQLite's "unable to open database file" says nothing of which file; issue 20, item 11).
    /// </summary>
    public string Database { get; init; } = "";

    /// <summary>Parses <paramref name="url"/>.</summary>
    /// <exception cref="FormatException">The URL is not one of the supported forms; the message says which are.</exception>
    public static SqlConnectionUrl Parse(string url, string? user, string? password)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.StartsWith("jdbc:sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = url["jdbc:sqlite:".Length..];
            if (path.Length == 0)
            {
                throw new FormatException(
                    "a SQLite URL needs a file path: jdbc:sqlite:/path/to/db.sqlite"
                );
            }
            return new SqlConnectionUrl(
                new SqliteDialect(),
                new SqliteConnectionStringBuilder
                {
                    DataSource = path,
                    Pooling = true,
                }.ConnectionString
            )
            {
                Database =
                    "SQLite database "
                    + (
                        path.StartsWith(':') || path.StartsWith("file:", StringComparison.Ordinal)
                            ? path
                            : Path.GetFullPath(path)
                    ),
            };
        }
        if (url.StartsWith("jdbc:postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            var (host, port, database, query) = SplitServerUrl(url, "jdbc:postgresql://");
            var builder = new NpgsqlConnectionStringBuilder { Host = host, Database = database };
            if (port is { } p)
            {
                builder.Port = p;
            }
            foreach (var (key, value) in query)
            {
                builder[key == "user" ? "Username" : key] = value;
            }
            if (!string.IsNullOrEmpty(user))
            {
                builder.Username = user;
            }
            if (!string.IsNullOrEmpty(password))
            {
                builder.Password = password;
            }
            return new SqlConnectionUrl(new PostgreSqlDialect(), builder.ConnectionString)
            {
                Database = $"PostgreSQL database {database} at {host}:{port ?? 5432}",
            };
        }
        if (
            url.StartsWith("jdbc:mysql://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("jdbc:mariadb://", StringComparison.OrdinalIgnoreCase)
        )
        {
            var (host, port, database, query) = SplitServerUrl(
                url,
                url[..(url.IndexOf("//", StringComparison.Ordinal) + 2)]
            );
            user = string.IsNullOrEmpty(user) ? Last(query, "user") : user;
            password = string.IsNullOrEmpty(password) ? Last(query, "password") : password;
            // The builder quotes what it is given: a password with ';' cannot add a setting.
            var builder = new MySqlConnector.MySqlConnectionStringBuilder
            {
                Server = host,
                Port = (uint)(port ?? 3306),
                Database = database,
                UserID = user ?? string.Empty,
                Password = password ?? string.Empty,
            };
            var product = url.StartsWith("jdbc:mariadb://", StringComparison.OrdinalIgnoreCase)
                ? "MariaDB"
                : "MySQL";
            return new SqlConnectionUrl(new MySqlDialect(), builder.ConnectionString)
            {
                Database = $"{product} database {database} at {host}:{port ?? 3306}",
            };
        }
        throw new FormatException(
            "not a supported URL; expected jdbc:postgresql://host:port/database, jdbc:sqlite:path or jdbc:mysql://host:port/database"
        );
    }

    private static string? Last(List<(string Key, string Value)> query, string key) =>
        query.LastOrDefault(p => p.Key == key).Value;

    private static (
        string Host,
        int? Port,
        string Database,
        List<(string, string)> Query
    ) SplitServerUrl(string url, string prefix)
    {
        var rest = url[prefix.Length..];
        var query = new List<(string, string)>();
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            foreach (var pair in rest[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new FormatException($"query parameter '{pair}' is not key=value");
                }
                query.Add(
                    (Uri.UnescapeDataString(pair[..eq]), Uri.UnescapeDataString(pair[(eq + 1)..]))
                );
            }
            rest = rest[..q];
        }
        // user[:password]@host, as MySQL's JDBC URLs and libpq's URIs allow: credentials, never a
        // part of the host (they would reach a "host" parser's error message, issue 20 item 1). They
        // go first, so the URL's ?user= / ?password= and connection.user / connection.password win.
        var at = rest.IndexOf('/', StringComparison.Ordinal) is var end and > 0
            ? rest.LastIndexOf('@', end - 1)
            : rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            query.Insert(
                0,
                ("user", Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]))
            );
            if (colon >= 0)
            {
                query.Insert(1, ("password", Uri.UnescapeDataString(userInfo[(colon + 1)..])));
            }
            rest = rest[(at + 1)..];
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1)
        {
            throw new FormatException($"expected {prefix}host[:port]/database");
        }
        var hostPort = rest[..slash];
        var database = rest[(slash + 1)..];
        var portColon = hostPort.LastIndexOf(':');
        if (portColon < 0)
        {
            return (hostPort, null, database, query);
        }
        if (
            !int.TryParse(
                hostPort[(portColon + 1)..],
                System.Globalization.CultureInfo.InvariantCulture,
                out var port
            ) || port is <= 0 or > 65535
        )
        {
            throw new FormatException(
                $"port '{hostPort[(portColon + 1)..]}' is not a number between 1 and 65535"
            );
        }
        return (hostPort[..portColon], port, database, query);
    }
}
