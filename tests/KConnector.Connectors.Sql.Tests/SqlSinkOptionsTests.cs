using KConnector.Configuration;
using KConnector.Connectors.Sql.Configuration;

namespace KConnector.Connectors.Sql.Tests;

public sealed class SqlSinkOptionsTests
{
    [Fact]
    public void Parse_Defaults_AreTheJdbcSinkDefaults()
    {
        var options = SqlSinkOptions.Parse(
            new Dictionary<string, string?> { ["connection.url"] = "jdbc:sqlite:x.db" }
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
        var error = Assert.Throws<ConfigValidationException>(() =>
            SqlSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["insert.mode"] = "merge",
                    ["batch.size"] = "0",
                    ["auto.create"] = "yes",
                    ["delete.enabled"] = "true",
                }
            )
        );

        // The runtime's ConfigDefinition words the per-key checks; each issue names its key and
        // quotes the value at fault.
        Assert.Equal(
            [
                "connection.url: a value is required and none was given",
                "insert.mode: 'merge' is not one of [insert, upsert, update]",
                "auto.create: 'yes' is not a boolean (true or false)",
                "batch.size: '0' is out of range: expected a value in [1,...]",
                "delete.enabled: true requires pk.mode=record_key (a tombstone carries only its key)",
            ],
            error.Issues.Select(i => i.ToString())
        );
        Assert.StartsWith(
            "The config of connector 'KConnector.Connectors.Sql.SqlSink' has 5 issues:",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Parse_UpsertWithoutKey_NamesInsertMode()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            SqlSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["connection.url"] = "jdbc:sqlite:x.db",
                    ["insert.mode"] = "upsert",
                }
            )
        );
        Assert.StartsWith(
            "insert.mode: upsert needs a primary key",
            Assert.Single(error.Issues).ToString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Parse_UnknownUrl_NamesConnectionUrl()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            SqlSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["connection.url"] = "jdbc:oracle:thin:@host:1521:db",
                }
            )
        );
        Assert.StartsWith(
            "connection.url: not a supported URL",
            Assert.Single(error.Issues).ToString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ToString_HidesThePassword()
    {
        var options = SqlSinkOptions.Parse(
            new Dictionary<string, string?>
            {
                ["connection.url"] = "jdbc:postgresql://127.0.0.1:5432/db",
                ["connection.password"] = "hunter2",
            }
        );
        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("[hidden]", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AWorkersWholeConfig_ReadsItsOwnKeys_AndNamesTheConnector()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            SqlSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["name"] = "orders-sink",
                    ["tasks.max"] = "not a number, and not the SQL sink's key",
                    ["connection.url"] = "jdbc:sqlite:x.db",
                    ["connection.password"] = "hunter2",
                    ["max.retries"] = "-1",
                }
            )
        );
        Assert.Equal(
            "max.retries: '-1' is out of range: expected a value in [0,...]",
            Assert.Single(error.Issues).ToString()
        );
        Assert.StartsWith(
            "The config of connector 'orders-sink' has 1 issue:",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Parse_BlankValues_TakeTheDefault_OrAreMissing()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            SqlSinkOptions.Parse(
                new Dictionary<string, string?> { ["connection.url"] = " ", ["batch.size"] = "" }
            )
        );
        Assert.Equal(
            "connection.url: a value is required and none was given",
            Assert.Single(error.Issues).ToString()
        );

        var options = SqlSinkOptions.Parse(
            new Dictionary<string, string?>
            {
                ["connection.url"] = "jdbc:sqlite:x.db",
                ["batch.size"] = "",
                ["insert.mode"] = " UPSERT ",
                ["pk.mode"] = "record_value",
            }
        );
        Assert.Equal(3000, options.BatchSize);
        Assert.Equal(InsertMode.Upsert, options.InsertMode);
    }

    [Fact]
    public void Parse_ResolvesEnvReferences_IntoASecretPassword()
    {
        var variable = "KCONNECTOR_SQL_SINK_TEST_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "hunter2");
        try
        {
            var options = SqlSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["connection.url"] = "jdbc:postgresql://127.0.0.1:5432/db",
                    ["connection.password"] = "${env:" + variable + "}",
                },
                ConfigValueResolver.Default
            );
            Assert.Equal("hunter2", options.ConnectionPassword?.Value);
            Assert.Equal(Password.Hidden, options.ConnectionPassword?.ToString());
            Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
