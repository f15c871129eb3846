using KConnector.Configuration;
using KConnector.Connectors.Elasticsearch.Tests.Records;
using KConnector.Connectors.Errors;
using KConnector.Connectors.Http.Tests;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Tests;
using KConnector.Errors;
using KConnector.Records;

namespace KConnector.Connectors.Elasticsearch.Tests;

public sealed class ElasticsearchSinkTests
{
    private static SinkRecord<string, Product> Record(
        long offset,
        string? key,
        Product? value,
        string topic = "Products"
    ) =>
        new()
        {
            Topic = topic,
            Partition = 0,
            Offset = offset,
            Key = key,
            Value = value,
        };

    private static Product Product(string sku, double price = 9.5) =>
        new()
        {
            Sku = sku,
            Title = "T " + sku,
            Price = price,
            Stock = 3,
        };

    private static ElasticsearchSinkTask<string, Product> Sink(
        KestrelEndpoint server,
        params (string Key, string Value)[] extra
    )
    {
        var config = new Dictionary<string, string?>
        {
            ["connection.url"] = server.Url,
            ["connection.username"] = "elastic",
            ["connection.password"] = "changeme",
            ["retry.backoff.ms"] = "1",
        };
        foreach (var (k, v) in extra)
        {
            config[k] = v;
        }
        return new ElasticsearchSinkTask<string, Product>(
            ElasticsearchSinkOptions.Parse(config),
            RecordShape.FromAvroSchema(Records.Product.AvroSchemaJson)
        );
    }

    [Fact]
    public async Task Insert_IndexesDocumentsByKeyInTheTopicsIndex_CreatingTheMapping()
    {
        var api = new BulkApi();
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var sink = Sink(server, ("batch.size", "2"));

        await sink.PutAsync(
            [
                Record(0, "a", Product("a")),
                Record(1, "b", Product("b")),
                Record(2, "a", Product("a", 1)),
            ],
            default
        );

        Assert.Equal(2, sink.BulkRequests);
        Assert.Equal(["products/a", "products/b"], api.Documents.Keys.Order());
        Assert.Equal(
            """{"sku":"a","title":"T a","price":1,"stock":3,"tag":null}""",
            api.Documents["products/a"].ToJsonString()
        );
        var mapping = System
            .Text.Json.JsonDocument.Parse(api.Mappings["products"])
            .RootElement.GetProperty("mappings")
            .GetProperty("properties");
        Assert.Equal("text", mapping.GetProperty("sku").GetProperty("type").GetString());
        Assert.Equal(
            "keyword",
            mapping
                .GetProperty("sku")
                .GetProperty("fields")
                .GetProperty("keyword")
                .GetProperty("type")
                .GetString()
        );
        Assert.Equal("double", mapping.GetProperty("price").GetProperty("type").GetString());
        Assert.Equal("integer", mapping.GetProperty("stock").GetProperty("type").GetString());
        var bulk = server.Requests.Where(r => r.PathAndQuery == "/_bulk").First().Body;
        Assert.StartsWith(
            """{"index":{"_index":"products","_id":"a"}}""" + "\n" + """{"sku":"a",""",
            bulk,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Upsert_MergesIntoTheExistingDocument_AndTombstoneDeletes()
    {
        var api = new BulkApi();
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var sink = Sink(
            server,
            ("write.method", "upsert"),
            ("behavior.on.null.values", "delete"),
            ("schema.ignore", "true")
        );
        api.Documents["products/a"] = new System.Text.Json.Nodes.JsonObject { ["extra"] = "kept" };

        await sink.PutAsync(
            [
                Record(0, "a", Product("a")),
                Record(1, "b", Product("b")),
                Record(2, "b", null),
                Record(3, "never-existed", null),
            ],
            default
        );

        Assert.Equal(["products/a"], api.Documents.Keys);
        Assert.Equal("kept", (string?)api.Documents["products/a"]["extra"]);
        Assert.Equal("T a", (string?)api.Documents["products/a"]["title"]);
        Assert.Contains(
            "\"doc_as_upsert\":true",
            server.Requests.Last().Body,
            StringComparison.Ordinal
        );
        Assert.Empty(api.Mappings);
    }

    [Fact]
    public async Task KeyIgnore_UsesTopicPartitionOffsetAsId()
    {
        var api = new BulkApi();
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var sink = Sink(server, ("key.ignore", "true"));

        await sink.PutAsync(
            [Record(41, null, Product("a")), Record(42, null, Product("b"))],
            default
        );
        Assert.Equal(
            ["products/Products+0+41", "products/Products+0+42"],
            api.Documents.Keys.Order()
        );
    }

    [Theory]
    [InlineData("ignore", false)]
    [InlineData("warn", false)]
    [InlineData("fail", true)]
    public async Task MalformedDocuments_FollowTheConfiguredBehavior(string behavior, bool reported)
    {
        var api = new BulkApi
        {
            ItemFailure = (_, _, id, _) => id == "bad" ? (400, "document_parsing_exception") : null,
        };
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var sink = Sink(server, ("behavior.on.malformed.documents", behavior));
        var put = () =>
            sink.PutAsync(
                    [
                        Record(0, "ok1", Product("1")),
                        Record(1, "bad", Product("2")),
                        Record(2, "ok2", Product("3")),
                    ],
                    default
                )
                .AsTask();

        if (reported)
        {
            var error = await Assert.ThrowsAsync<SinkRecordsFailedException>(put);
            var failed = Assert.Single(error.Failed);
            Assert.Equal(1, failed.Offset);
            Assert.StartsWith(
                "400 document_parsing_exception",
                failed.Reason,
                StringComparison.Ordinal
            );
        }
        else
        {
            await put();
        }
        Assert.Equal(["products/ok1", "products/ok2"], api.Documents.Keys.Order());
    }

    [Fact]
    public async Task PartialFailure_RetriesOnlyRejectedItems_AndReportsOtherErrorsPerRecord()
    {
        // "busy" is rejected twice with 429 then accepted; "conflict" fails with a non-retriable 409.
        var api = new BulkApi
        {
            ItemFailure = (_, _, id, attempt) =>
                id switch
                {
                    "busy" when attempt < 2 => (429, "es_rejected_execution_exception"),
                    "conflict" => (409, "version_conflict_engine_exception"),
                    _ => null,
                },
        };
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var sink = Sink(server);

        var error = await Assert.ThrowsAsync<SinkRecordsFailedException>(() =>
            sink.PutAsync(
                    [
                        Record(0, "a", Product("a")),
                        Record(1, "busy", Product("b")),
                        Record(2, "conflict", Product("c")),
                        Record(3, "d", Product("d")),
                    ],
                    default
                )
                .AsTask()
        );

        Assert.Equal([2L], error.Failed.Select(f => f.Offset));
        Assert.Equal(["products/a", "products/busy", "products/d"], api.Documents.Keys.Order());
        var bulks = server.Requests.Where(r => r.PathAndQuery == "/_bulk").ToArray();
        Assert.Equal(3, bulks.Length);
        Assert.Equal(2, bulks[1].Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // only "busy" again: action + source
    }

    [Fact]
    public async Task ItemsStillRejectedAfterMaxRetries_FailThePutWithoutDeadLettering()
    {
        var api = new BulkApi
        {
            ItemFailure = (_, _, id, _) =>
                id == "down" ? (503, "unavailable_shards_exception") : null,
        };
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var sink = Sink(server, ("max.retries", "2"));

        var error = await Assert.ThrowsAsync<ConnectException>(() =>
            sink.PutAsync([Record(0, "down", Product("x"))], default).AsTask()
        );
        Assert.Contains("after 2 retries", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count(r => r.PathAndQuery == "/_bulk"));
    }

    [Fact]
    public async Task WrongCredentials_FailThePutNamingTheStatus_WithoutThePassword()
    {
        var api = new BulkApi();
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var sink = Sink(
            server,
            ("connection.password", "wrong-secret"),
            ("schema.ignore", "true")
        );

        var error = await Assert.ThrowsAsync<ConnectException>(() =>
            sink.PutAsync([Record(0, "a", Product("a"))], default).AsTask()
        );
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullKeyAndTombstoneWithFail_AreFailedRecords()
    {
        var api = new BulkApi();
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var sink = Sink(server);

        var error = await Assert.ThrowsAsync<SinkRecordsFailedException>(() =>
            sink.PutAsync(
                    [
                        Record(0, null, Product("a")),
                        Record(1, "b", null),
                        Record(2, "c", Product("c")),
                    ],
                    default
                )
                .AsTask()
        );
        Assert.Equal([0L, 1L], error.Failed.Select(f => f.Offset));
        Assert.Equal(["products/c"], api.Documents.Keys);
    }

    [Fact]
    public void Options_ConflictingKeys_AreNamed()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            ElasticsearchSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["connection.url"] = "http://127.0.0.1:9200",
                    ["key.ignore"] = "true",
                    ["behavior.on.null.values"] = "delete",
                    ["write.method"] = "merge",
                }
            )
        );
        Assert.Contains(
            new ConfigIssue(
                "behavior.on.null.values",
                "delete needs key.ignore=false (the key is the document id)"
            ),
            error.Issues
        );
        Assert.Contains(
            new ConfigIssue("write.method", "'merge' is not one of [insert, upsert]"),
            error.Issues
        );
    }

    [Fact]
    public void DocsPage_MatchesTheConfigDescription() =>
        DocsPage.Check("elasticsearch-sink.md", ElasticsearchSinkOptions.Keys);
}
