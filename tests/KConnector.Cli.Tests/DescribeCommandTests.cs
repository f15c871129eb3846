namespace KConnector.Cli.Tests;

/// <summary><c>kconnector describe</c>: a connector's config keys with type, default, importance and doc.</summary>
public sealed class DescribeCommandTests
{
    [Theory]
    [InlineData("FileStreamSink")]
    [InlineData("org.apache.kafka.connect.file.FileStreamSinkConnector")]
    [InlineData("KConnector.Connectors.File.JsonLinesFileSink")]
    public async Task BuiltInConnector_ByAnyName_ListsItsKeysAndTheSinkKeys(string name)
    {
        var run = await CliRun.InvokeAsync("describe", name);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith(
            "KConnector.Connectors.File.JsonLinesFileSink: a sink connector",
            run.Output,
            StringComparison.Ordinal
        );
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        AssertKey(
            lines,
            "file",
            "type: string, default: none (required), importance: high",
            "The file records are appended to"
        );
        AssertKey(
            lines,
            "file.roll.size.bytes",
            "type: long, default: 0, importance: medium",
            "Roll the file"
        );
        AssertKey(
            lines,
            "tasks.max",
            "type: int, default: 1, importance: high, min: 1",
            "Maximum number of tasks"
        );
        AssertKey(lines, "errors.tolerance", "default: none", null);
        Assert.Contains("  topics", lines);
        Assert.Contains("  errors.deadletterqueue.topic.name", lines);
    }

    [Fact]
    public async Task NoArgument_ListsTheBuiltInConnectors()
    {
        var run = await CliRun.InvokeAsync("describe");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "KConnector.Connectors.File.JsonLinesFileSink (sink; also FileStreamSink",
            run.Output,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData(
        "KConnector.Connectors.Sql.SqlSink (sink; also io.confluent.connect.jdbc.JdbcSinkConnector"
    )]
    [InlineData(
        "KConnector.Connectors.Sql.SqlSource (source; also io.confluent.connect.jdbc.JdbcSourceConnector"
    )]
    [InlineData("KConnector.Connectors.File.FileStreamSource (source; also FileStreamSource")]
    [InlineData(
        "KConnector.Connectors.PostgreSql.PostgresConnector (source; also io.debezium.connector.postgresql.PostgresConnector"
    )]
    [InlineData(
        "KConnector.Connectors.Http.HttpSink (sink; also io.confluent.connect.http.HttpSinkConnector"
    )]
    [InlineData(
        "KConnector.Connectors.Http.HttpSource (source; also io.confluent.connect.http.HttpSourceConnector"
    )]
    [InlineData(
        "KConnector.Connectors.Elasticsearch.ElasticsearchSink (sink; also io.confluent.connect.elasticsearch.ElasticsearchSinkConnector"
    )]
    [InlineData(
        "KConnector.Connectors.Redis.RedisSink (sink; also com.redis.kafka.connect.RedisSinkConnector"
    )]
    [InlineData(
        "KConnector.Connectors.Redis.RedisStreamSource (source; also com.redis.kafka.connect.RedisStreamSourceConnector"
    )]
    public async Task NoArgument_ListsEveryBuiltInRow(string line)
    {
        var run = await CliRun.InvokeAsync("describe");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(line, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebeziumsPostgresConnector_ListsItsDebeziumKeys()
    {
        var run = await CliRun.InvokeAsync(
            "describe",
            "io.debezium.connector.postgresql.PostgresConnector"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        AssertKey(lines, "slot.name", "type: string, default: debezium", null);
        AssertKey(lines, "snapshot.mode", "default: initial", null);
        AssertKey(lines, "database.password", "type: password", null);
        Assert.Contains("  package: KConnector.Connectors.PostgreSql", lines);
    }

    [Fact]
    public async Task JdbcSinkConnector_ListsTheJdbcSinkKeys_AndErrorsToleranceOnce()
    {
        var run = await CliRun.InvokeAsync("describe", "JdbcSinkConnector");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith(
            "KConnector.Connectors.Sql.SqlSink: a sink connector",
            run.Output,
            StringComparison.Ordinal
        );
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        AssertKey(
            lines,
            "connection.url",
            "type: string, default: none (required), importance: high",
            "JDBC-style URL"
        );
        AssertKey(
            lines,
            "insert.mode",
            "default: insert, importance: high, one of: insert, upsert, update",
            null
        );
        Assert.Single(lines, l => l == "  errors.tolerance");
        Assert.Contains("  package: KConnector.Connectors.Sql", lines);
    }

    [Fact]
    public async Task UnknownConnector_ExitsOne_WithASuggestion()
    {
        var run = await CliRun.InvokeAsync("describe", "FileStreamSinc");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Unknown connector 'FileStreamSinc'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"FileStreamSink\"?", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    private static void AssertKey(List<string> lines, string key, string facts, string? doc)
    {
        var at = lines.IndexOf("  " + key);
        Assert.True(at >= 0, $"key {key} not listed");
        Assert.Contains(facts, lines[at + 1], StringComparison.Ordinal);
        if (doc is not null)
        {
            Assert.Contains(doc, lines[at + 2], StringComparison.Ordinal);
        }
    }
}
