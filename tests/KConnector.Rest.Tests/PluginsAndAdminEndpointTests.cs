using System.Net;
using System.Text.Json;

namespace KConnector.Rest.Tests;

/// <summary>
/// <c>/connector-plugins</c> (list, KIP-769 config, validate with Connect's ConfigInfos),
/// <c>/admin/loggers</c> (KIP-495) and basic authentication on every endpoint.
/// </summary>
public sealed class PluginsAndAdminEndpointTests
{
    [Fact]
    public async Task Plugins_ListConfigAndValidate_AnswerConnectShapes()
    {
        await using var server = await RestApiServer.StartAsync();
        var client = server.Client;

        var (_, plugins) = await client.GetJsonAsync("/connector-plugins");
        Assert.Equal(
            ["test.CollectingSink", "test.CountingSource"],
            plugins.EnumerateArray().Select(p => p.GetProperty("class").GetString()).Order()
        );
        var plugin = plugins
            .EnumerateArray()
            .Single(p => p.GetProperty("class").GetString() == "test.CountingSource");
        Assert.Equal("source", plugin.GetProperty("type").GetString());
        Assert.Equal("1.0.0", plugin.GetProperty("version").GetString());
        var (_, all) = await client.GetJsonAsync("/connector-plugins?connectorsOnly=false");
        Assert.Contains(
            all.EnumerateArray(),
            p =>
                p.GetProperty("class").GetString() == "org.apache.kafka.connect.json.JsonConverter"
                && p.GetProperty("type").GetString() == "converter"
        );

        var (status, keys) = await client.GetJsonAsync("/connector-plugins/CountingSource/config");
        Assert.Equal(HttpStatusCode.OK, status);
        var topic = keys.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "topic");
        Assert.True(topic.GetProperty("required").GetBoolean());
        Assert.Equal("STRING", topic.GetProperty("type").GetString());
        Assert.Equal("Where the numbers go.", topic.GetProperty("documentation").GetString());
        Assert.Contains(
            all.EnumerateArray(),
            p =>
                p.GetProperty("class").GetString()
                    == "org.apache.kafka.connect.storage.SimpleHeaderConverter"
                && p.GetProperty("type").GetString() == "header_converter"
        );
        // As Kafka Connect lists it: a converter that also converts headers, under both types.
        Assert.Equal(
            ["converter", "header_converter"],
            all.EnumerateArray()
                .Where(p =>
                    p.GetProperty("class").GetString()
                    == "org.apache.kafka.connect.storage.StringConverter"
                )
                .Select(p => p.GetProperty("type").GetString())
                .Order(StringComparer.Ordinal)
        );
        // A converter's own settings, from its descriptor (KIP-769 covers every plugin).
        var (converterStatus, settings) = await client.GetJsonAsync(
            "/connector-plugins/io.confluent.connect.avro.AvroConverter/config"
        );
        Assert.Equal(HttpStatusCode.OK, converterStatus);
        var userInfo = settings
            .EnumerateArray()
            .Single(k => k.GetProperty("name").GetString() == "basic.auth.user.info");
        Assert.Equal("PASSWORD", userInfo.GetProperty("type").GetString());
        Assert.Contains(
            settings.EnumerateArray(),
            k => k.GetProperty("name").GetString() == "auto.register.schemas"
        );
        (await client.GetJsonAsync("/connector-plugins/Nope/config")).AssertError(
            HttpStatusCode.NotFound
        );

        var (validated, infos) = await client.PutJsonAsync(
            "/connector-plugins/CountingSource/config/validate",
            """{"connector.class": "CountingSource", "name": "v", "tasks.max": "0", "secret.token": "s3cr3t-token"}"""
        );
        Assert.Equal(HttpStatusCode.OK, validated);
        Assert.Equal("test.CountingSource", infos.GetProperty("name").GetString());
        Assert.Equal(2, infos.GetProperty("error_count").GetInt32());
        Assert.Contains(
            "Common",
            infos.GetProperty("groups").EnumerateArray().Select(g => g.GetString())
        );
        JsonElement Config(string key) =>
            infos
                .GetProperty("configs")
                .EnumerateArray()
                .Single(c => c.GetProperty("definition").GetProperty("name").GetString() == key);
        Assert.NotEmpty(
            Config("topic").GetProperty("value").GetProperty("errors").EnumerateArray()
        );
        Assert.NotEmpty(
            Config("tasks.max").GetProperty("value").GetProperty("errors").EnumerateArray()
        );
        Assert.Empty(Config("name").GetProperty("value").GetProperty("errors").EnumerateArray());
        Assert.Equal(
            "[hidden]",
            Config("secret.token").GetProperty("value").GetProperty("value").GetString()
        );
        Assert.Equal(
            "PASSWORD",
            Config("secret.token").GetProperty("definition").GetProperty("type").GetString()
        );
        Assert.DoesNotContain("s3cr3t-token", infos.GetRawText(), StringComparison.Ordinal);

        var mismatch = await client.PutJsonAsync(
            "/connector-plugins/CountingSource/config/validate",
            """{"connector.class": "FileStreamSink"}"""
        );
        Assert.Contains(
            "does not match",
            mismatch.AssertError(HttpStatusCode.BadRequest),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Loggers_ListAndSetLevels_InLog4jNames()
    {
        await using var server = await RestApiServer.StartAsync();
        var client = server.Client;

        var (_, loggers) = await client.GetJsonAsync("/admin/loggers");
        Assert.Equal("INFO", loggers.GetProperty("root").GetProperty("level").GetString());
        var (status, changed) = await client.PutJsonAsync(
            "/admin/loggers/KConnector.Hosting",
            """{"level": "DEBUG"}"""
        );
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("KConnector.Hosting", Http.Names(changed));
        var (_, child) = await client.GetJsonAsync(
            "/admin/loggers/KConnector.Hosting.ConnectWorker"
        );
        Assert.Equal("DEBUG", child.GetProperty("level").GetString());
        var (_, after) = await client.GetJsonAsync("/admin/loggers");
        Assert.True(
            after.GetProperty("KConnector.Hosting").GetProperty("last_modified").GetInt64() > 0
        );
        (await client.PutJsonAsync("/admin/loggers/x", """{"level": "LOUD"}""")).AssertError(
            HttpStatusCode.NotFound
        );
    }

    public static TheoryData<string, string> Endpoints() =>
        new()
        {
            { "GET", "/" },
            { "GET", "/connectors" },
            { "POST", "/connectors" },
            { "GET", "/connectors/c" },
            { "GET", "/connectors/c/config" },
            { "PUT", "/connectors/c/config" },
            { "PATCH", "/connectors/c/config" },
            { "GET", "/connectors/c/status" },
            { "GET", "/connectors/c/tasks" },
            { "GET", "/connectors/c/tasks/0/status" },
            { "PUT", "/connectors/c/pause" },
            { "PUT", "/connectors/c/resume" },
            { "PUT", "/connectors/c/stop" },
            { "POST", "/connectors/c/restart" },
            { "POST", "/connectors/c/tasks/0/restart" },
            { "DELETE", "/connectors/c" },
            { "GET", "/connectors/c/offsets" },
            { "PATCH", "/connectors/c/offsets" },
            { "DELETE", "/connectors/c/offsets" },
            { "GET", "/connectors/c/topics" },
            { "PUT", "/connectors/c/topics/reset" },
            { "GET", "/connector-plugins" },
            { "GET", "/connector-plugins/CountingSource/config" },
            { "PUT", "/connector-plugins/CountingSource/config/validate" },
            { "GET", "/admin/loggers" },
            { "PUT", "/admin/loggers/root" },
            { "GET", "/health/live" },
            { "GET", "/health/ready" },
        };

    [Fact]
    public async Task BasicAuth_EveryEndpointAnswers401WithoutValidCredentials()
    {
        await using var server = await RestApiServer.StartAsync(
            new Dictionary<string, string> { ["operator"] = "0p-secret" }
        );
        var client = server.Client;
        foreach (var row in Endpoints())
        {
            var (method, path) = ((string)row[0], (string)row[1]);
            var anonymous = await client.SendAsync(new HttpMethod(method), path, "{}");
            Assert.True(
                anonymous.Status == HttpStatusCode.Unauthorized,
                $"{method} {path}: {anonymous.Status}"
            );
            Assert.Equal(401, anonymous.Body.GetProperty("error_code").GetInt32());
        }
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/connectors");
        wrong.Headers.Authorization = Basic("operator", "guess");
        using var refused = await client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Basic", refused.Headers.WwwAuthenticate.Single().Scheme);

        using var right = new HttpRequestMessage(HttpMethod.Get, "/connectors");
        right.Headers.Authorization = Basic("operator", "0p-secret");
        using var allowed = await client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    private static System.Net.Http.Headers.AuthenticationHeaderValue Basic(
        string user,
        string password
    ) =>
        new(
            "Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + password))
        );
}
