using KConnector.Connectors.PostgreSql.Typed;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Offsets;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// A column the declared row record cannot hold (Specs/typed-drift-v1.avsc has no field for an
/// added column) fails the poll before its change leaves the task, naming the table, the column,
/// the schema file and what is missing; nothing after the last acknowledged change is confirmed to
/// the slot, so the task of the fixed declaration (typed-drift-v2.avsc, with the field) reads the
/// change on restart: nothing is lost.
/// </summary>
[Collection(LogicalPostgreSqlCollection.Name)]
public sealed class TypedSchemaMismatchTests(LogicalPostgreSql fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AColumnTheDeclaredRecordCannotHold_FailsThePoll_AndTheFixedSchemaReadsTheChange()
    {
        var server = fixture.Server;
        await server.ExecuteAsync(
            "CREATE TABLE typed_drift (id int PRIMARY KEY, name text NOT NULL); INSERT INTO typed_drift VALUES (1, 'one')"
        );
        var offsets = new MemoryOffsetBackingStore();
        // Disposing a harness drops its slot: the first is only stopped before the restart.
        await using var first = new CdcHarness<DeclaredChangeRecord<TypedDriftV1Tables>>(
            server,
            "typed_drift",
            offsets: offsets
        );
        var snapshot = await first.PollAsync(1);
        Assert.Equal("r", snapshot[0].Value!.Op);
        await first.AcknowledgeAsync(snapshot);
        await first.StreamingAsync();
        var confirmed = await first.ConfirmedFlushAsync();
        await server.ExecuteAsync(
            "ALTER TABLE typed_drift ADD COLUMN note text; INSERT INTO typed_drift VALUES (2, 'two', 'late')"
        );

        var failure = await PollUntilFailureAsync(first);

        Assert.Contains("Table public.typed_drift", failure.Message, StringComparison.Ordinal);
        Assert.Contains("column 'note' (string)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("typed-drift-v1.avsc", failure.Message, StringComparison.Ordinal);
        Assert.Contains("it has no field 'note'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Polled, r => r.Value?.Op == "c");
        Assert.Equal(confirmed, await first.ConfirmedFlushAsync());
        await first.StopAsync();
        await using var fixedRun = new CdcHarness<DeclaredChangeRecord<TypedDriftV2Tables>>(
            server,
            "typed_drift",
            offsets: offsets
        );
        var change = (await fixedRun.PollAsync(1)).Single();

        var converter = ConverterFactory.Create(
            "io.confluent.connect.avro.AvroConverter",
            new Dictionary<string, string> { ["schema.registry.url"] = "mock://typed-drift" },
            isKey: false,
            DeclaredChangeRecord<TypedDriftV2Tables>.Formats
        );
        var written = converter.FromConnectData(change.Topic, change.Value)!;
        var typed = TypedDriftV2Tables.TypedDriftChangeEvent.FromAvro(written);
        Assert.Equal("c", typed.Op);
        Assert.Equal(2, typed.After!.Id);
        Assert.Equal("late", typed.After.Note);
    }

    private static async Task<ConnectException> PollUntilFailureAsync<TValue>(
        CdcHarness<TValue> harness
    )
    {
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < Deadline)
        {
            try
            {
                await harness.PollRestAsync(TimeSpan.FromMilliseconds(200));
            }
            catch (ConnectException e)
            {
                return e;
            }
        }
        throw new Xunit.Sdk.XunitException($"the poll did not fail within {Deadline}");
    }
}
