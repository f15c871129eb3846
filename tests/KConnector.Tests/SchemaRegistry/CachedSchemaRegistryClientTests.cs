using System.Net;
using System.Text;
using KConnector.SchemaRegistry;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.Tests.SchemaRegistry;

public sealed class CachedSchemaRegistryClientTests : IAsyncLifetime
{
    private const string OrderSchema =
        """{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"string"}]}""";
    private const string OrderSchemaV2 =
        """{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"string"},{"name":"note","type":["null","string"],"default":null}]}""";
    private const string ProtoSchema =
        "syntax = \"proto3\";\npackage shop;\nmessage Order { string id = 1; }\n";
    private SchemaRegistryTestServer _server = null!;

    public async Task InitializeAsync() => _server = await SchemaRegistryTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private CachedSchemaRegistryClient Client(params (string Key, string Value)[] extra)
    {
        var config = new Dictionary<string, string>
        {
            ["schema.registry.url"] = _server.Url,
            ["schema.registry.retries.wait.ms"] = "10",
            ["schema.registry.retries.max.wait.ms"] = "40",
        };
        foreach (var (key, value) in extra)
        {
            config[key] = value;
        }
        return new CachedSchemaRegistryClient(config);
    }

    [Fact]
    public async Task Register_PostsTheSchemaToTheSubjectsVersions_WithTheRegistryContentType()
    {
        using var client = Client();

        var id = await client.RegisterSchemaAsync("orders-value", OrderSchema, default);

        Assert.Equal(1, id);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/subjects/orders-value/versions", request.Path);
        Assert.Equal("application/vnd.schemaregistry.v1+json", request.ContentType);
        Assert.Contains("application/vnd.schemaregistry.v1+json", request.Accept);
        // Avro is the registry's default: Confluent's clients send no schemaType for it.
        Assert.DoesNotContain("schemaType", request.Body);
        Assert.Contains("\"schema\":", request.Body);
    }

    [Fact]
    public async Task Register_Protobuf_SendsSchemaTypeAndGetsItBack()
    {
        using var writer = Client();
        using var reader = Client();

        var id = await writer.RegisterSchemaAsync(
            "orders-value",
            new Schema(ProtoSchema, SchemaType.Protobuf),
            default
        );
        var fetched = await reader.GetSchemaByIdAsync(id, default);

        Assert.Contains("\"schemaType\":\"PROTOBUF\"", _server.Requests[0].Body);
        Assert.Equal(new Schema(ProtoSchema, SchemaType.Protobuf), fetched);
        Assert.Equal($"/schemas/ids/{id}", _server.Requests[1].Path);
    }

    [Fact]
    public async Task Caches_RepeatRegistrationsAndIdLookups_SendNoFurtherRequests()
    {
        using var client = Client();
        using var reader = Client();

        var id = await client.RegisterSchemaAsync("orders-value", OrderSchema, default);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(
                id,
                await client.RegisterSchemaAsync("orders-value", OrderSchema, default)
            );
            Assert.Equal(OrderSchema, await client.GetSchemaAsync(id, default));
            Assert.Equal(OrderSchema, await reader.GetSchemaAsync(id, default));
        }

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(["POST", "GET"], _server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task SameSchemaUnderAnotherSubject_IsRegisteredThere_WithTheSameId()
    {
        using var client = Client();

        var a = await client.RegisterSchemaAsync("orders-value", OrderSchema, default);
        var b = await client.RegisterSchemaAsync("archive-value", OrderSchema, default);

        Assert.Equal(a, b);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task LatestVersionsAndVersionLookups_ReadTheSubject()
    {
        using var client = Client();
        var v1 = await client.RegisterSchemaAsync("orders-value", OrderSchema, default);
        var v2 = await client.RegisterSchemaAsync("orders-value", OrderSchemaV2, default);

        var latest = await client.GetLatestSchemaAsync("orders-value", default);
        var versions = await client.GetSubjectVersionsAsync("orders-value", default);
        var first = await client.GetSchemaBySubjectAndVersionAsync("orders-value", 1, default);

        Assert.Equal(
            new RegisteredSchema("orders-value", 2, v2, new Schema(OrderSchemaV2, SchemaType.Avro)),
            latest
        );
        Assert.Equal([1, 2], versions);
        Assert.Equal(v1, first.Id);
        Assert.Equal("/subjects/orders-value/versions/latest", _server.Requests[2].Path);
    }

    [Fact]
    public async Task Lookup_FindsARegisteredSchema_AndCachesIt()
    {
        using var writer = Client();
        using var client = Client();
        var id = await writer.RegisterSchemaAsync("orders-value", OrderSchema, default);

        var found = await client.LookupSchemaAsync(
            "orders-value",
            new Schema(OrderSchema, SchemaType.Avro),
            default
        );
        await client.LookupSchemaAsync(
            "orders-value",
            new Schema(OrderSchema, SchemaType.Avro),
            default
        );
        var registered = await client.RegisterSchemaAsync("orders-value", OrderSchema, default);

        Assert.Equal((id, 1), (found.Id, found.Version));
        Assert.Equal(id, registered);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("/subjects/orders-value", _server.Requests[1].Path);
    }

    [Fact]
    public async Task Lookup_OfAnUnknownSchema_Is404WithTheRegistrysErrorCode()
    {
        using var client = Client();
        await client.RegisterSchemaAsync("orders-value", OrderSchema, default);

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(async () =>
            await client.LookupSchemaAsync(
                "orders-value",
                new Schema(OrderSchemaV2, SchemaType.Avro),
                default
            )
        );

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(40403, error.ErrorCode);
        Assert.Contains("orders-value", error.Message);
    }

    [Fact]
    public async Task UnknownId_Is404_40403()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(async () =>
            await client.GetSchemaByIdAsync(77, default)
        );

        Assert.Equal(40403, error.ErrorCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Compatibility_AsksTheLatestVersion()
    {
        using var client = Client();
        await client.RegisterSchemaAsync("orders-value", OrderSchema, default);
        _server.IncompatibleSubjects["orders-value"] = true;

        var same = await client.IsCompatibleAsync(
            "orders-value",
            new Schema(OrderSchema, SchemaType.Avro),
            default
        );
        var other = await client.IsCompatibleAsync(
            "orders-value",
            new Schema(OrderSchemaV2, SchemaType.Avro),
            default
        );

        Assert.True(same);
        Assert.False(other);
        Assert.Equal(
            "/compatibility/subjects/orders-value/versions/latest",
            _server.Requests[1].Path
        );
    }

    [Fact]
    public async Task Register_Incompatible_Is409NamingTheSubject_WithTheRegistrysMessage_AndIsNotRetried()
    {
        using var client = Client();
        await client.RegisterSchemaAsync("orders-value", OrderSchema, default);
        _server.IncompatibleSubjects["orders-value"] = true;

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(async () =>
            await client.RegisterSchemaAsync("orders-value", OrderSchemaV2, default)
        );

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(409, error.ErrorCode);
        Assert.Equal("orders-value", error.Subject);
        Assert.Contains("subject 'orders-value'", error.Message);
        Assert.Contains("incompatible with an earlier schema", error.Message);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Register_InvalidSchema_Is422_42201()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(async () =>
            await client.RegisterSchemaAsync("orders-value", "{not avro", default)
        );

        Assert.Equal((HttpStatusCode)422, error.StatusCode);
        Assert.Equal(42201, error.ErrorCode);
        Assert.Contains("invalid", error.Message);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithBackoff_ThenSucceed()
    {
        using var client = Client();
        _server.FailNext(2, 503);

        var id = await client.RegisterSchemaAsync("orders-value", OrderSchema, default);

        Assert.Equal(1, id);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task ServerErrors_BeyondMaxRetries_FailWithTheLastStatus()
    {
        using var client = Client(("schema.registry.max.retries", "2"));
        _server.FailNext(5, 500);

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(async () =>
            await client.GetSchemaByIdAsync(1, default)
        );

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Timeouts_AreRetried_ThenReported()
    {
        using var client = Client(
            ("schema.registry.request.timeout.ms", "100"),
            ("schema.registry.max.retries", "1")
        );
        _server.Delay = TimeSpan.FromSeconds(2);

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(async () =>
            await client.GetSchemaByIdAsync(1, default)
        );

        Assert.Contains("timed out after 100 ms", error.Message);
        Assert.Contains("2 attempt(s)", error.Message);
    }

    [Fact]
    public async Task UnreachableFirstUrl_FailsOverToTheNext()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var deadPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var client = new CachedSchemaRegistryClient(
            new Dictionary<string, string>
            {
                ["schema.registry.url"] = $"http://127.0.0.1:{deadPort}, {_server.Url}",
                ["schema.registry.retries.wait.ms"] = "1",
            }
        );

        var id = await client.RegisterSchemaAsync("orders-value", OrderSchema, default);

        Assert.Equal(1, id);
    }

    [Fact]
    public async Task BasicAuth_FromUserInfo_SendsTheAuthorizationHeader()
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret"));
        _server.RequiredAuthorization = expected;
        using var client = Client(
            ("basic.auth.credentials.source", "USER_INFO"),
            ("basic.auth.user.info", "alice:s3cret")
        );

        await client.RegisterSchemaAsync("orders-value", OrderSchema, default);

        Assert.Equal(expected, _server.Requests[0].Authorization);
    }

    [Fact]
    public async Task BasicAuth_FromTheUrl_SendsTheAuthorizationHeader()
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:pw"));
        _server.RequiredAuthorization = expected;
        using var client = new CachedSchemaRegistryClient(
            new Dictionary<string, string>
            {
                ["schema.registry.url"] = _server.Url.Replace(
                    "http://",
                    "http://bob:pw@",
                    StringComparison.Ordinal
                ),
            }
        );

        await client.RegisterSchemaAsync("orders-value", OrderSchema, default);

        Assert.Equal(expected, _server.Requests[0].Authorization);
    }

    [Fact]
    public async Task BearerAuth_SendsTheTokenAndConfluentCloudHeaders()
    {
        _server.RequiredAuthorization = "Bearer tok-123";
        using var client = Client(
            ("bearer.auth.credentials.source", "STATIC_TOKEN"),
            ("bearer.auth.token", "tok-123"),
            ("bearer.auth.logical.cluster", "lsrc-1"),
            ("bearer.auth.identity.pool.id", "pool-9")
        );

        await client.RegisterSchemaAsync("orders-value", OrderSchema, default);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("lsrc-1", request.Headers["target-sr-cluster"]);
        Assert.Equal("pool-9", request.Headers["Confluent-Identity-Pool-Id"]);
    }

    [Fact]
    public async Task WrongCredentials_Are401_NamingTheAuthKeys_AndAreNotRetried()
    {
        _server.RequiredAuthorization = "Bearer right";
        using var client = Client(
            ("bearer.auth.credentials.source", "STATIC_TOKEN"),
            ("bearer.auth.token", "wrong")
        );

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(async () =>
            await client.RegisterSchemaAsync("orders-value", OrderSchema, default)
        );

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("bearer.auth", error.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SubjectsAreEscapedInThePath()
    {
        using var client = Client();

        await client.RegisterSchemaAsync("shop/orders value", OrderSchema, default);

        Assert.Equal("/subjects/shop%2Forders%20value/versions", _server.Requests[0].Path);
    }
}
