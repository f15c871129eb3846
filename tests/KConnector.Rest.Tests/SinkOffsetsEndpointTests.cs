using System.Net;
using System.Text.Json;

namespace KConnector.Rest.Tests;

/// <summary>
/// KIP-875 for a sink: <c>GET/PATCH /connectors/{name}/offsets</c> read and write the sink's
/// consumer group (<c>connect-{name}</c>) through the admin client, in Connect's shapes, altered
/// only while STOPPED, bad shapes refused naming the key. What librdkafka's mock cluster cannot
/// show (an accepted alteration, a reset) is said in docs/rest-api.md.
/// </summary>
public sealed class SinkOffsetsEndpointTests
{
    private static async Task<List<(string Topic, int Partition, long Offset)>> OffsetsAsync(
        HttpClient client,
        string name
    )
    {
        var (status, body) = await client.GetJsonAsync($"/connectors/{name}/offsets");
        Assert.Equal(HttpStatusCode.OK, status);
        return
        [
            .. body.GetProperty("offsets")
                .EnumerateArray()
                .Select(e =>
                    (
                        e.GetProperty("partition").GetProperty("kafka_topic").GetString()!,
                        e.GetProperty("partition").GetProperty("kafka_partition").GetInt32(),
                        e.GetProperty("offset").GetProperty("kafka_offset").GetInt64()
                    )
                ),
        ];
    }

    [Fact]
    public async Task SinkOffsets_AreTheConsumerGroups_CheckedAndAlteredOnlyWhileStopped()
    {
        await using var server = await RestApiServer.StartAsync();
        var client = server.Client;
        const string sink = "collector";
        CollectingSink.Received.TryRemove(sink, out _);
        await client.PostJsonAsync(
            "/connectors",
            """{"name": "feeder", "config": {"connector.class": "CountingSource", "topic": "numbers"}}"""
        );
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await client.PostJsonAsync(
                    "/connectors",
                    """{"name": "collector", "config": {"connector.class": "CollectingSink", "topics": "numbers"}}"""
                )
            ).Status
        );
        await Http.UntilAsync(
            async () => (await OffsetsAsync(client, sink)) is [("numbers", 0, >= 5)],
            "the sink's committed offset of numbers-0 at 5 or more"
        );
        (
            await client.PatchJsonAsync(
                "/connectors/collector/offsets",
                """{"offsets": [{"partition": {"kafka_topic": "numbers", "kafka_partition": 0}, "offset": {"kafka_offset": 2}}]}"""
            )
        ).AssertError(HttpStatusCode.BadRequest);

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await client.PutJsonAsync("/connectors/collector/stop")).Status
        );
        var stoppedAt = Assert.Single(await OffsetsAsync(client, sink)).Offset;
        // Connect's shape, as it answers it: numbers for the partition and offset.
        var (_, raw) = await client.GetJsonAsync("/connectors/collector/offsets");
        Assert.Equal(
            JsonValueKind.Number,
            raw.GetProperty("offsets")[0]
                .GetProperty("partition")
                .GetProperty("kafka_partition")
                .ValueKind
        );

        var badPartition = await client.PatchJsonAsync(
            "/connectors/collector/offsets",
            """{"offsets": [{"partition": {"topic": "numbers"}, "offset": {"kafka_offset": 2}}]}"""
        );
        Assert.Contains("kafka_topic", badPartition.AssertError(HttpStatusCode.BadRequest));
        var badOffset = await client.PatchJsonAsync(
            "/connectors/collector/offsets",
            """{"offsets": [{"partition": {"kafka_topic": "numbers", "kafka_partition": 0}, "offset": {"kafka_offset": "two"}}]}"""
        );
        Assert.Contains("two", badOffset.AssertError(HttpStatusCode.BadRequest));
        Assert.Equal(stoppedAt, Assert.Single(await OffsetsAsync(client, sink)).Offset);

        // librdkafka's mock cluster refuses an admin's offset commit for a group it has seen
        // (UNKNOWN_MEMBER_ID where a broker accepts generation -1 for an empty group): the
        // worker answers 500 with the broker's reason and the offsets stay as they were.
        var refused = await client.PatchJsonAsync(
            "/connectors/collector/offsets",
            """{"offsets": [{"partition": {"kafka_topic": "numbers", "kafka_partition": 0}, "offset": {"kafka_offset": 2}}]}"""
        );
        var reason = refused.AssertError(HttpStatusCode.InternalServerError);
        Assert.Contains("connect-collector", reason, StringComparison.Ordinal);
        Assert.Contains("Unknown member", reason, StringComparison.Ordinal);
        Assert.Equal(stoppedAt, Assert.Single(await OffsetsAsync(client, sink)).Offset);
    }
}
