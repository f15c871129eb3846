using System.Text.Json;
using KConnector.Configuration;
using KConnector.Connectors.Errors;
using KConnector.Connectors.Http.Configuration;
using KConnector.Connectors.Http.Sink;
using KConnector.Connectors.Http.Tests.Records;
using KConnector.Errors;
using KConnector.Records;
using Microsoft.AspNetCore.Http;

namespace KConnector.Connectors.Http.Tests;

public sealed class HttpSinkTests
{
    private static SinkRecord<string, Event> Record(long offset, Event? value = null) =>
        new()
        {
            Topic = "events",
            Partition = 1,
            Offset = offset,
            Key = "k" + offset,
            Value =
                value
                ?? new Event
                {
                    Id = offset,
                    Name = "e" + offset,
                    Score = offset % 2 == 0 ? null : offset / 2.0,
                },
        };

    private static HttpSinkTask<string, Event> Sink(
        KestrelEndpoint server,
        params (string Key, string Value)[] extra
    )
    {
        var config = new Dictionary<string, string?>
        {
            ["http.api.url"] = server.Url + "/hook",
            ["retry.backoff.ms"] = "10",
        };
        foreach (var (k, v) in extra)
        {
            config[k] = v;
        }
        return new HttpSinkTask<string, Event>(HttpSinkOptions.Parse(config));
    }

    private static Task Ok(HttpContext context, ReceivedRequest request, int n)
    {
        context.Response.StatusCode = 200;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Batches_SendJsonArraysFromWriteJsonWithAuthAndHeaders()
    {
        await using var server = await KestrelEndpoint.StartAsync(Ok);
        using var sink = Sink(
            server,
            ("batch.max.size", "3"),
            ("auth.type", "bearer"),
            ("bearer.token", "tok-123"),
            ("headers", "X-Api-Key:abc|X-Source: kconnector")
        );

        await sink.PutAsync([.. Enumerable.Range(0, 7).Select(i => Record(i))], default);

        var requests = server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.All(requests, r => Assert.Equal("POST", r.Method));
        Assert.All(requests, r => Assert.Equal("Bearer tok-123", r.Headers["Authorization"]));
        Assert.All(requests, r => Assert.Equal("abc", r.Headers["X-Api-Key"]));
        Assert.All(requests, r => Assert.Equal("kconnector", r.Headers["X-Source"]));
        Assert.All(
            requests,
            r =>
                Assert.StartsWith(
                    "application/json",
                    r.Headers["Content-Type"],
                    StringComparison.Ordinal
                )
        );
        Assert.Equal(
            """[{"id":0,"name":"e0","score":null},{"id":1,"name":"e1","score":0.5},{"id":2,"name":"e2","score":null}]""",
            requests[0].Body
        );
        Assert.Equal(
            [3, 3, 1],
            requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetArrayLength())
        );
    }

    [Fact]
    public async Task BatchSizeOne_SendsOneObjectPerRequestWithBasicAuth()
    {
        await using var server = await KestrelEndpoint.StartAsync(Ok);
        using var sink = Sink(
            server,
            ("auth.type", "basic"),
            ("connection.user", "svc"),
            ("connection.password", "pw"),
            ("request.method", "put")
        );

        await sink.PutAsync([Record(4), Record(5)], default);

        var requests = server.Requests.ToArray();
        Assert.Equal(
            ["""{"id":4,"name":"e4","score":null}""", """{"id":5,"name":"e5","score":2.5}"""],
            requests.Select(r => r.Body)
        );
        Assert.All(requests, r => Assert.Equal("PUT", r.Method));
        Assert.Equal(
            "Basic " + Convert.ToBase64String("svc:pw"u8.ToArray()),
            requests[0].Headers["Authorization"]
        );
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterTheServersRetryAfter()
    {
        await using var server = await KestrelEndpoint.StartAsync(
            (context, _, n) =>
            {
                if (n < 2)
                {
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = "0";
                }
                return Task.CompletedTask;
            }
        );
        // A 10-minute backoff: only honouring Retry-After: 0 lets the put finish before the 20 s deadline.
        using var sink = Sink(
            server,
            ("retry.backoff.ms", "600000"),
            ("retry.backoff.max.ms", "600000")
        );
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await sink.PutAsync([Record(1)], deadline.Token);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(1, sink.RequestsSent);
    }

    [Fact]
    public async Task RetryAfter_IsBoundedByRetryBackoffMax()
    {
        await using var server = await KestrelEndpoint.StartAsync(
            (context, _, n) =>
            {
                if (n == 0)
                {
                    context.Response.StatusCode = 503;
                    context.Response.Headers.RetryAfter = "86400";
                }
                return Task.CompletedTask;
            }
        );
        using var sink = Sink(server, ("retry.backoff.max.ms", "20"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await sink.PutAsync([Record(1)], deadline.Token);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ServerErrors_AfterMaxRetries_AreRetriableForTheWorker_NotRecordFailures()
    {
        await using var server = await KestrelEndpoint.StartAsync(
            (context, _, _) =>
            {
                context.Response.StatusCode = 502;
                return Task.CompletedTask;
            }
        );
        using var sink = Sink(server, ("max.retries", "2"));

        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            sink.TryPutAsync([Record(9)], default).AsTask()
        );
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
        Assert.Contains("events-1@9", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(
            "the HTTP endpoint http://127.0.0.1:",
            error.Dependency,
            StringComparison.Ordinal
        );
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task PutAgainAfterAnOutage_SendsOnlyWhatWasNotAnswered_AndReportsEarlierRefusals()
    {
        var down = true;
        await using var server = await KestrelEndpoint.StartAsync(
            async (context, request, _) =>
            {
                if (request.Body.Contains("\"id\":1,", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = 422;
                    await context.Response.WriteAsync("id 1 is invalid");
                }
                else if (request.Body.Contains("\"id\":3,", StringComparison.Ordinal) && down)
                {
                    context.Response.StatusCode = 503;
                }
            }
        );
        using var sink = Sink(server, ("max.retries", "0"));
        SinkRecord<string, Event>[] batch = [.. Enumerable.Range(0, 5).Select(i => Record(i))];

        await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            sink.TryPutAsync(batch, default).AsTask()
        );
        Assert.Equal(4, server.Requests.Count);
        down = false;
        var result = await sink.TryPutAsync(batch, default);

        // Records 0-2 were answered before the outage: only 3 and 4 are sent again.
        Assert.Equal(
            ["\"id\":0,", "\"id\":1,", "\"id\":2,", "\"id\":3,", "\"id\":3,", "\"id\":4,"],
            server.Requests.Select(r => r.Body[1..8])
        );
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(1, rejection.Index);
        Assert.Equal("HTTP 422: id 1 is invalid", rejection.Error.Message);
        // The put completed: the same records in a new put are sent again.
        await sink.TryPutAsync([batch[0]], default);
        Assert.Equal(7, server.Requests.Count);
    }

    [Fact]
    public async Task ClientError_FailsThatBatchsRecordsOnly_AndOtherBatchesAreSent()
    {
        await using var server = await KestrelEndpoint.StartAsync(
            async (context, request, _) =>
            {
                if (request.Body.Contains("\"id\":3", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = 422;
                    await context.Response.WriteAsync("id 3 is invalid");
                }
            }
        );
        using var sink = Sink(server, ("batch.max.size", "2"));

        var error = await Assert.ThrowsAsync<SinkRecordsFailedException>(() =>
            sink.PutAsync([.. Enumerable.Range(0, 6).Select(i => Record(i))], default).AsTask()
        );

        Assert.Equal([2L, 3L], error.Failed.Select(f => f.Offset));
        Assert.All(error.Failed, f => Assert.Equal("HTTP 422: id 3 is invalid", f.Reason));
        Assert.Equal(6, error.Attempted);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, sink.RequestsSent);
    }

    [Fact]
    public async Task LambdaPartialBatchResponse_FailsOnlyTheListedItems()
    {
        await using var server = await KestrelEndpoint.StartAsync(
            async (context, _, _) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(
                    """{"batchItemFailures":[{"itemIdentifier":"1"},{"itemIdentifier":"events-1-13"}]}"""
                );
            }
        );
        using var sink = Sink(server, ("batch.max.size", "4"));

        var error = await Assert.ThrowsAsync<SinkRecordsFailedException>(() =>
            sink.PutAsync([.. Enumerable.Range(10, 4).Select(i => Record(i))], default).AsTask()
        );
        Assert.Equal([11L, 13L], error.Failed.Select(f => f.Offset));
    }

    [Fact]
    public async Task Tombstones_AreIgnoredByDefault_OrFailedWhenConfigured()
    {
        await using var server = await KestrelEndpoint.StartAsync(Ok);
        using (var ignoring = Sink(server))
        {
            await ignoring.PutAsync([Record(1) with { Value = null }, Record(2)], default);
        }
        Assert.Single(server.Requests);
        using var failing = Sink(server, ("behavior.on.null.values", "fail"));
        var error = await Assert.ThrowsAsync<SinkRecordsFailedException>(() =>
            failing.PutAsync([Record(1) with { Value = null }, Record(2)], default).AsTask()
        );
        Assert.Equal(1L, Assert.Single(error.Failed).Offset);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task UnreachableEndpoint_IsRetriableForTheWorker_AndNamesNoSecrets()
    {
        await using var server = await KestrelEndpoint.StartAsync(Ok);
        var url = server.Url;
        await server.DisposeAsync();
        using var sink = new HttpSinkTask<string, Event>(
            HttpSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["http.api.url"] = url + "/hook?code=secret-query",
                    ["max.retries"] = "1",
                    ["retry.backoff.ms"] = "1",
                    ["auth.type"] = "bearer",
                    ["bearer.token"] = "secret-token",
                }
            )
        );

        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            sink.PutAsync([Record(1)], default).AsTask()
        );
        Assert.Contains(
            "could not be reached after 2 attempts",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Dependency, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsBuiltInCode_SendTheMethodTheKeyDefaultsTo_AsParsedOnesDo()
    {
        // The one default of request.method is its [ConfigKey]'s (POST): code and config agree on it.
        var parsed = HttpSinkOptions.Parse(
            new Dictionary<string, string?> { ["http.api.url"] = "http://127.0.0.1/hook" }
        );
        var built = new HttpSinkOptions
        {
            Request = new HttpRequestSettings { Url = new Uri("http://127.0.0.1/hook") },
        };

        Assert.Equal("POST", HttpSinkOptions.Definition.Find("request.method")!.DefaultValue);
        Assert.Equal(HttpMethod.Post, built.Method);
        Assert.Equal(built.Method, parsed.Method);
    }

    [Fact]
    public void Options_ErrorsNameTheirKeys_AndToStringHidesSecrets()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            HttpSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["http.api.url"] = "ftp://x",
                    ["auth.type"] = "bearer",
                    ["batch.max.size"] = "0",
                    ["headers"] = "broken-secret-value",
                }
            )
        );
        Assert.Contains(
            new ConfigIssue("http.api.url", "'ftp://x' is not an absolute http or https URL"),
            error.Issues
        );
        Assert.Contains(
            new ConfigIssue("bearer.token", "is required with auth.type=bearer"),
            error.Issues
        );
        Assert.Contains(
            new ConfigIssue("batch.max.size", "'0' is out of range: expected a value in [1,...]"),
            error.Issues
        );
        Assert.Contains(new ConfigIssue("headers", "entry 1 is not Name:Value"), error.Issues);
        Assert.DoesNotContain("broken-secret-value", error.Message, StringComparison.Ordinal);

        var options = HttpSinkOptions.Parse(
            new Dictionary<string, string?>
            {
                ["http.api.url"] = "https://example.invalid/hook",
                ["auth.type"] = "basic",
                ["connection.user"] = "u",
                ["connection.password"] = "pw-secret",
                ["headers"] = "X-Key:key-secret",
            }
        );
        Assert.DoesNotContain("secret", options.ToString(), StringComparison.Ordinal);
    }
}
