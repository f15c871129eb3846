using KConnector.Configuration;
using KConnector.Connectors.Http.Configuration;
using KConnector.Connectors.Http.Source;
using KConnector.Connectors.Http.Tests.Records;
using KConnector.Connectors.Shapes;
using KConnector.Errors;
using KConnector.Records;

namespace KConnector.Connectors.Http.Tests;

public sealed class HttpSourceTests
{
    private static HttpSourceTask<Account> Source(
        KestrelEndpoint server,
        string mode,
        Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>?>? stored =
            null,
        params (string Key, string Value)[] extra
    )
    {
        var config = new Dictionary<string, string?>
        {
            ["url"] =
                mode == "page"
                    ? server.Url + "/items?since=${offset}"
                    : server.Url + "/services/data/v60.0/query?since=${offset}",
            ["topic.name.pattern"] = "accounts",
            ["auth.type"] = "bearer",
            ["bearer.token"] = "api-token",
            ["http.response.data.json.pointer"] = "/records",
            ["http.offset.json.pointer"] = "/id",
            ["http.pagination.mode"] = mode,
            ["http.next.page.json.pointer"] = "/nextRecordsUrl",
            ["request.interval.ms"] = "50",
            ["retry.backoff.ms"] = "5",
        };
        foreach (var (k, v) in extra)
        {
            config[k] = v;
        }
        return new HttpSourceTask<Account>(
            HttpSourceOptions.Parse(config),
            new AvroRecordAccessor<Account>(),
            stored
        );
    }

    private static async Task<List<SourceRecord<string, Account>>> PollAsync(
        HttpSourceTask<Account> task,
        int count
    )
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var records = new List<SourceRecord<string, Account>>();
        while (records.Count < count)
        {
            records.AddRange(await task.PollAsync(deadline.Token));
        }
        return records;
    }

    [Theory]
    [InlineData("cursor")]
    [InlineData("page")]
    public async Task Pagination_WalksEveryPageThenOnlyNewRecordsByOffset(string mode)
    {
        var api = new AccountsApi();
        for (var i = 1; i <= 5; i++)
        {
            api.Accounts[i * 10] = ("acct" + i, i % 2 == 0 ? null : i * 1000.5);
        }
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var source = Source(server, mode);

        var first = await PollAsync(source, 5);
        Assert.Equal([10L, 20, 30, 40, 50], first.Select(r => r.Value!.Id));
        Assert.Equal(
            new Account
            {
                Id = 30,
                Name = "acct3",
                Revenue = 3001.5,
            },
            first[2].Value
        );
        Assert.Null(first[1].Value!.Revenue);
        Assert.All(first, r => Assert.Equal("accounts", r.Topic));
        Assert.Equal("50", first[^1].SourceOffset!["offset"]);
        Assert.DoesNotContain("?", first[0].SourcePartition!["url"], StringComparison.Ordinal);

        api.Accounts[60] = ("late", null);
        var later = await PollAsync(source, 1);
        Assert.Equal([60L], later.Select(r => r.Value!.Id));
        Assert.Contains(
            server.Requests,
            r => r.PathAndQuery.Contains("since=50", StringComparison.Ordinal)
        );
        if (mode == "cursor")
        {
            Assert.Contains(
                server.Requests,
                r => r.PathAndQuery.Contains("after=20", StringComparison.Ordinal)
            );
        }
        else
        {
            Assert.Contains(
                server.Requests,
                r => r.PathAndQuery.Contains("page=3", StringComparison.Ordinal)
            );
        }
    }

    [Fact]
    public async Task Restart_WithStoredOffset_ResumesAfterIt()
    {
        var api = new AccountsApi();
        for (var i = 1; i <= 4; i++)
        {
            api.Accounts[i] = ("a" + i, null);
        }
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var source = Source(
            server,
            "cursor",
            p =>
                p["url"].EndsWith("/query", StringComparison.Ordinal)
                    ? new Dictionary<string, string> { ["offset"] = "2" }
                    : null
        );

        var records = await PollAsync(source, 2);
        Assert.Equal([3L, 4], records.Select(r => r.Value!.Id));
        Assert.StartsWith(
            "/services/data/v60.0/query?since=2",
            server.Requests.First().PathAndQuery,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task ServiceUnavailable_IsRetried()
    {
        var api = new AccountsApi { FailNextRequests = 2 };
        api.Accounts[1] = ("a", 1);
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var source = Source(server, "none");

        Assert.Equal([1L], (await PollAsync(source, 1)).Select(r => r.Value!.Id));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task WrongToken_FailsThePollNamingTheStatus()
    {
        var api = new AccountsApi();
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var source = Source(server, "cursor", null, ("bearer.token", "wrong-secret"));

        var error = await Assert.ThrowsAsync<ConnectException>(() =>
            source.PollAsync(default).AsTask()
        );
        Assert.Equal(Stage.TASK_POLL, error.Stage);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordWithoutOffsetField_FailsNamingThePointer()
    {
        await using var server = await KestrelEndpoint.StartAsync(
            async (context, _, _) =>
            {
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(
                    context.Response,
                    """{"records":[{"name":"no id"}]}"""
                );
            }
        );
        using var source = Source(server, "none", null, ("auth.type", "none"));
        var error = await Assert.ThrowsAsync<ConnectException>(() =>
            source.PollAsync(default).AsTask()
        );
        Assert.Contains("http.offset.json.pointer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_CursorModeWithoutPointer_NamesTheKey()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            HttpSourceOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["url"] = "http://127.0.0.1:1/q",
                    ["topic.name.pattern"] = "t",
                    ["http.offset.json.pointer"] = "id",
                    ["http.pagination.mode"] = "cursor",
                }
            )
        );
        Assert.Contains(
            new ConfigIssue(
                "http.next.page.json.pointer",
                "is required with http.pagination.mode=cursor"
            ),
            error.Issues
        );
        Assert.Contains(
            error.Issues,
            i =>
                i.Key == "http.offset.json.pointer"
                && i.Message.StartsWith("'id' is not a JSON Pointer", StringComparison.Ordinal)
        );
    }
}
