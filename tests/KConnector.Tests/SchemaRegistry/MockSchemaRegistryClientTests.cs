using System.Net;
using KConnector.SchemaRegistry;

namespace KConnector.Tests.SchemaRegistry;

public class MockSchemaRegistryClientTests
{
    private static readonly Schema V1 = new("\"string\"", SchemaType.Avro);
    private static readonly Schema V2 = new("syntax = \"proto3\";", SchemaType.Protobuf);

    [Fact]
    public async Task Versions_Latest_Lookup_FollowRegistrationOrder()
    {
        var client = new MockSchemaRegistryClient(Guid.NewGuid().ToString());
        var id1 = await client.RegisterSchemaAsync("s", V1, default);
        var id2 = await client.RegisterSchemaAsync("s", V2, default);
        await client.RegisterSchemaAsync("s", V1, default);

        Assert.Equal([1, 2], await client.GetSubjectVersionsAsync("s", default));
        Assert.Equal(
            new RegisteredSchema("s", 2, id2, V2),
            await client.GetLatestSchemaAsync("s", default)
        );
        Assert.Equal(
            new RegisteredSchema("s", 1, id1, V1),
            await client.LookupSchemaAsync("s", V1, default)
        );
        Assert.Equal(V2, await client.GetSchemaByIdAsync(id2, default));
        Assert.True(await client.IsCompatibleAsync("s", V2, default));
    }

    [Fact]
    public async Task UnknownSubjectAndId_Are404s_WithTheRegistrysErrorCodes()
    {
        var client = new MockSchemaRegistryClient(Guid.NewGuid().ToString());

        var subject = await Assert.ThrowsAsync<SchemaRegistryException>(async () =>
            await client.GetLatestSchemaAsync("nope", default)
        );
        var id = await Assert.ThrowsAsync<SchemaRegistryException>(async () =>
            await client.GetSchemaByIdAsync(9, default)
        );

        Assert.Equal(
            (HttpStatusCode.NotFound, 40401),
            (subject.StatusCode!.Value, subject.ErrorCode)
        );
        Assert.Equal(40403, id.ErrorCode);
    }
}
