using KConnector.Connectors.Sql.Dialects;
using Npgsql;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// Credentials in a JDBC URL's user info (issue 20, item 1): they are credentials, not part of the
/// host, so they never reach a host parser's error message.
/// </summary>
public sealed class SqlConnectionUrlTests
{
    [Fact]
    public void PostgreSqlUserInfo_IsTheCredentials_NotPartOfTheHost()
    {
        var url = SqlConnectionUrl.Parse(
            "jdbc:postgresql://alice:s%40cret@db.example:5433/shop",
            null,
            null
        );

        var builder = new NpgsqlConnectionStringBuilder(url.ConnectionString);
        Assert.Equal("db.example", builder.Host);
        Assert.Equal(5433, builder.Port);
        Assert.Equal("alice", builder.Username);
        Assert.Equal("s@cret", builder.Password);
    }

    [Fact]
    public void QueryAndConnectionKeys_WinOverTheUserInfo()
    {
        var url = SqlConnectionUrl.Parse(
            "jdbc:postgresql://alice:old@db/shop?password=newer",
            "carol",
            null
        );

        var builder = new NpgsqlConnectionStringBuilder(url.ConnectionString);
        Assert.Equal("carol", builder.Username);
        Assert.Equal("newer", builder.Password);
    }

    [Fact]
    public void Database_NamesTheSqliteFile_AndTheServerWithoutCredentials()
    {
        Assert.Equal(
            "SQLite database " + Path.GetFullPath("orders.db"),
            SqlConnectionUrl.Parse("jdbc:sqlite:orders.db", null, null).Database
        );
        Assert.Equal(
            "PostgreSQL database shop at db:5433",
            SqlConnectionUrl
                .Parse("jdbc:postgresql://alice:s3cret@db:5433/shop?password=x", null, null)
                .Database
        );
    }
}
