using KConnector.Connectors.Configuration;
using KConnector.Connectors.Sql.Configuration;

namespace KConnector.Connectors.Sql.Tests;

public sealed class SqlSinkOptionsTests
{
    [Fact]
    public void Parse_Defaults_AreTheJdbcSinkDefaults()
    {
        var options = SqlSinkOptions.Parse(
            new Dictionary<string, string> { ["connection.url"] = "jdbc:sqlite:x.db" }
        );

        Assert.Equal(InsertMode.Insert, options.InsertMode);
        Assert.Equal(PrimaryKeyMode.None, options.PrimaryKeyMode);
        Assert.Equal(3000, options.BatchSize);
        Assert.Equal("${topic}", options.TableNameFormat);
        Assert.False(options.AutoCreate);
        Assert.False(options.AutoEvolve);
        Assert.False(options.DeleteEnabled);
        Assert.Equal(10, options.MaxRetries);
        Assert.Equal(3000, options.RetryBackoffMs);
    }

    [Fact]
    public void Parse_BadValues_ReportsEveryProblemNamingItsKey()
    {
        var error = Assert.Throws<ConnectorConfigException>(() =>
            SqlSinkOptions.Parse(
                new Dictionary<string, string>
                {
                    ["insert.mode"] = "merge",
                    ["batch.size"] = "0",
                    ["auto.create"] = "yes",
                    ["delete.enabled"] = "true",
                }
            )
        );

        Assert.Contains(
            error.Errors,
            e => e.StartsWith("connection.url: is required", StringComparison.Ordinal)
        );
        Assert.Contains(
            error.Errors,
            e =>
                e.StartsWith(
                    "insert.mode: 'merge' is not one of insert, upsert, update",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains(
            error.Errors,
            e => e.StartsWith("batch.size: 0 must be at least 1", StringComparison.Ordinal)
        );
        Assert.Contains(
            error.Errors,
            e => e.StartsWith("auto.create: 'yes' is not true or false", StringComparison.Ordinal)
        );
        Assert.Contains(
            error.Errors,
            e =>
                e.StartsWith(
                    "delete.enabled: true requires pk.mode=record_key",
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public void Parse_UpsertWithoutKey_NamesInsertMode()
    {
        var error = Assert.Throws<ConnectorConfigException>(() =>
            SqlSinkOptions.Parse(
                new Dictionary<string, string>
                {
                    ["connection.url"] = "jdbc:sqlite:x.db",
                    ["insert.mode"] = "upsert",
                }
            )
        );
        Assert.StartsWith(
            "insert.mode: upsert needs a primary key",
            Assert.Single(error.Errors),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Parse_UnknownUrl_NamesConnectionUrl()
    {
        var error = Assert.Throws<ConnectorConfigException>(() =>
            SqlSinkOptions.Parse(
                new Dictionary<string, string>
                {
                    ["connection.url"] = "jdbc:oracle:thin:@host:1521:db",
                }
            )
        );
        Assert.StartsWith(
            "connection.url: not a supported URL",
            Assert.Single(error.Errors),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ToString_HidesThePassword()
    {
        var options = SqlSinkOptions.Parse(
            new Dictionary<string, string>
            {
                ["connection.url"] = "jdbc:postgresql://127.0.0.1:5432/db",
                ["connection.password"] = "hunter2",
            }
        );
        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("[hidden]", options.ToString(), StringComparison.Ordinal);
    }
}
