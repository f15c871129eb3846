using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Sink;
using KConnector.Connectors.Sql.Source;
using KConnector.Connectors.Sql.Tests.Records;
using KConnector.Converters;
using KConnector.Kafka;
using Microsoft.Data.Sqlite;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// Avro's logical types through the JDBC connectors both ways, as Confluent's map Kafka Connect's
/// logical schemas: the sink creates DECIMAL(p,s)/NUMERIC(p,s), DATE, TIME, TIMESTAMP (TIMESTAMPTZ
/// for an instant on PostgreSQL) and UUID columns and writes the values as those types; the source
/// reads the same rows back into records equal to those written (Schemas/ledger-entry.avsc).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SqlLogicalTypesTests(PostgreSqlServer server) : IDisposable
{
    private const int Total = 20;

    private readonly SqliteFile _sqlite = new("kconnector-ledger");

    public void Dispose() => _sqlite.Dispose();

    /// <summary>Entry <paramref name="i"/>: every field set, the optional ones every other time.</summary>
    internal static LedgerEntry Entry(int i) =>
        new()
        {
            Id = i,
            Amount = -1234567.89m + i,
            BookedOn = new DateOnly(2024, 2, 29).AddDays(i),
            CutOff = new TimeOnly(17, 30, 15, 250),
            CutOffMicros = new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(9_999_990)),
            BookedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_717_000_000_123 + i),
            SettledAt =
                i % 2 == 0
                    ? null
                    : DateTimeOffset.FromUnixTimeMilliseconds(1_717_000_000_000).AddTicks(4_560),
            WallClock = new DateTime(2024, 5, 1, 9, 0, 0, 7, DateTimeKind.Unspecified),
            Reference = new Guid(i, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
            Fee = i % 3 == 0 ? null : 0.125m,
        };

    [Fact]
    public async Task PostgreSqlSinkSpec_CreatesColumnsOfTheLogicalTypes_AndTheSourceReadsTheRecordsBack()
    {
        await server.ExecuteAsync("DROP TABLE IF EXISTS ledger");
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("ledger", partitions: 1);
        var values = new AvroConverter<LedgerEntry>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("sql-ledger"),
            isKey: false
        );
        SpecWorkers.Produce(
            kafka,
            "ledger",
            Total,
            i => values.FromConnectData("ledger", Entry(i))!
        );
        using var environment = new ConnectorEnvironment();
        var sink = new LedgerPostgresSinkWorker(
            LedgerPostgresSinkConfig.Parse(
                new Dictionary<string, string?>(LedgerPostgresSinkConfig.SpecValues)
                {
                    ["bootstrap.servers"] = kafka.BootstrapServers,
                    ["connection.url"] = server.JdbcUrl,
                    ["connection.user"] = server.User,
                }
            ),
            environment
        );

        await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= Total);

        var columns = await server.QueryAsync(
            "SELECT column_name, data_type, CASE data_type WHEN 'numeric' THEN numeric_precision || ' ' || numeric_scale END FROM information_schema.columns WHERE table_name = 'ledger' ORDER BY ordinal_position"
        );
        Assert.Equal(
            [
                "id bigint",
                "amount numeric 9 2",
                "booked_on date",
                "cut_off time without time zone",
                "cut_off_micros time without time zone",
                "booked_at timestamp with time zone",
                "settled_at timestamp with time zone",
                "wall_clock timestamp without time zone",
                "reference uuid",
                "fee numeric 6 3",
            ],
            columns.Select(c => string.Join(' ', c.Where(v => v is not null)))
        );
        Assert.Equal(
            "2024-02-29 -1234567.89 2024-05-29 16:26:40.123",
            await server.ScalarAsync(
                "SELECT booked_on::text || ' ' || amount::text || ' ' || (booked_at AT TIME ZONE 'UTC')::text FROM ledger WHERE id = 0"
            )
        );
        Assert.Equal(
            Enumerable.Range(0, Total).Select(Entry),
            await ReadBackAsync(server.JdbcUrl, ("connection.user", server.User))
        );
    }

    [Fact]
    public async Task SqliteSink_WritesTheLogicalTypesAsIsoTextAndNumbers_AndTheSourceReadsTheRecordsBack()
    {
        var url = _sqlite.Url;
        await using (
            var task = new SqlSinkTask<string, LedgerEntry>(
                SqlSinkOptions.Parse(SinkRecords.Config(url, ("auto.create", "true"))),
                new AvroRecordAccessor<LedgerEntry>()
            )
        )
        {
            await task.PutAsync(
                [
                    .. Enumerable
                        .Range(0, Total)
                        .Select(i => SinkRecords.Of("ledger", i, (string?)null, Entry(i))),
                ],
                default
            );
        }

        Assert.Equal(Enumerable.Range(0, Total).Select(Entry), await ReadBackAsync(url));
    }

    private static async Task<List<LedgerEntry>> ReadBackAsync(
        string url,
        params (string Key, string Value)[] extra
    )
    {
        var config = new Dictionary<string, string?>
        {
            ["connection.url"] = url,
            ["mode"] = "incrementing",
            ["table.whitelist"] = "ledger",
            ["topic.prefix"] = "db-",
            ["incrementing.column.name"] = "id",
            ["poll.interval.ms"] = "50",
        };
        foreach (var (key, value) in extra)
        {
            config[key] = value;
        }
        await using var source = new SqlSourceTask<LedgerEntry>(
            SqlSourceOptions.Parse(config),
            new AvroRecordAccessor<LedgerEntry>()
        );
        var records = await SourcePolling.PollAsync(source, Total);
        return [.. records.Select(r => r.Value!).OrderBy(e => e.Id)];
    }
}
