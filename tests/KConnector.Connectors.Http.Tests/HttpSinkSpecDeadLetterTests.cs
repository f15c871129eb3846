using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KConnector.Connectors.Http.Tests.Records;
using KConnector.Connectors.Sql.Tests;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Kafka;
using KConnector.Testing.DeadLetters;
using Microsoft.AspNetCore.Http;

namespace KConnector.Connectors.Http.Tests;

/// <summary>
/// The HTTP sink's spec worker (Specs/refusing-http-sink.connector.json: errors.tolerance=all, a
/// dead-letter queue, errors.retry.timeout) against a Kestrel webhook that refuses some events
/// (HTTP 422) and is down for a while (HTTP 503, longer than the sink's own max.retries): exactly
/// the refused events are dead-lettered with stage TASK_PUT and the webhook's message; the outage
/// is retried by the worker and dead-letters nothing; every other event is delivered once (the
/// requests answered before the outage are not sent again) and the group commits past all.
/// </summary>
public sealed class HttpSinkSpecDeadLetterTests
{
    private const string Topic = "spec-refused-events";
    private const string DeadLetters = "spec-refused-events-dlq";
    private const int Total = 40;

    // Requests 12 to 23 find the webhook down: six put attempts, as max.retries=1.
    private const int OutageFrom = 12;
    private const int OutageRequests = 12;

    private static bool Refused(long id) => id % 5 == 0;

    [Fact]
    public async Task HttpSinkSpec_RefusedEventsAreDeadLettered_AnOutageIsRetried_TheRestDeliveredOnce()
    {
        var delivered = new ConcurrentQueue<long>();
        var refused = new ConcurrentQueue<long>();
        var unavailable = 0;
        await using var server = await KestrelEndpoint.StartAsync(
            async (context, request, n) =>
            {
                var id = JsonDocument.Parse(request.Body).RootElement.GetProperty("id").GetInt64();
                if (n >= OutageFrom && n < OutageFrom + OutageRequests)
                {
                    Interlocked.Increment(ref unavailable);
                    context.Response.StatusCode = 503;
                    await context.Response.WriteAsync("down for maintenance");
                }
                else if (Refused(id))
                {
                    refused.Enqueue(id);
                    context.Response.StatusCode = 422;
                    await context.Response.WriteAsync("unknown customer");
                }
                else
                {
                    delivered.Enqueue(id);
                }
            }
        );
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 2);
        kafka.CreateTopic(DeadLetters, partitions: 1);
        Produce(kafka);
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_REFUSING_URL", server.Url + "/hook");
        try
        {
            using var environment = new ConnectorEnvironment();
            var sink = new RefusingHttpSinkWorker(
                RefusingHttpSinkConfig.Parse(
                    new Dictionary<string, string?>(RefusingHttpSinkConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            );
            await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= Total);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_REFUSING_URL", null);
        }

        var ids = Enumerable.Range(0, Total).Select(i => (long)i).ToList();
        var deadLettered = DeadLetterTopic.Read(kafka, DeadLetters, ids.Count(Refused));
        Assert.Equal(
            ids.Where(Refused).Select(Key).Order(StringComparer.Ordinal),
            deadLettered.Select(m => Encoding.UTF8.GetString(m.Key)).Order(StringComparer.Ordinal)
        );
        Assert.All(
            deadLettered,
            m =>
            {
                Assert.Equal("TASK_PUT", DeadLetterTopic.Header(m, DeadLetterQueueHeaders.Stage));
                Assert.Contains(
                    "HTTP 422: unknown customer",
                    DeadLetterTopic.Header(m, DeadLetterQueueHeaders.ExceptionMessage),
                    StringComparison.Ordinal
                );
            }
        );
        // The outage happened and was waited out by the worker, not by the sink's own retries.
        Assert.Equal(OutageRequests, unavailable);
        // Once each: nothing answered before the outage was sent again when the batch was re-put.
        Assert.Equal(ids.Where(i => !Refused(i)), delivered.Order());
        Assert.Equal(ids.Where(Refused), refused.Order());
        Assert.True(
            DeadLetterTopic.CommittedToEnd(kafka, "connect-refusing-http-sink", Topic, 2),
            "the connector's group did not commit past every record"
        );
    }

    private static string Key(long id) => "k" + id.ToString(CultureInfo.InvariantCulture);

    private static void Produce(EmbeddedKafka kafka)
    {
        var values = new AvroConverter<Event>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("http-refusing-specs"),
            isKey: false
        );
        SpecWorkers.Produce(
            kafka,
            Topic,
            Total,
            i =>
                values.FromConnectData(
                    Topic,
                    new Event { Id = i, Name = "e" + i.ToString(CultureInfo.InvariantCulture) }
                )!,
            i => Encoding.UTF8.GetBytes(Key(i))
        );
    }
}
