using System.Text.Json;
using KConnector.Rest.Model;
using Microsoft.AspNetCore.Http;

namespace KConnector.Rest.Endpoints;

// GET/PUT /admin/loggers (KIP-495) and, beyond Kafka Connect, /health/live and /health/ready.
internal sealed partial class ConnectRestApi
{
    public static IResult Loggers(LoggerLevels levels)
    {
        var answer = levels.Levels.ToDictionary(
            l => l.Key,
            l => new LoggerLevel(
                LoggerLevels.Name(l.Value.Level),
                l.Value.Modified == 0 ? null : l.Value.Modified
            ),
            StringComparer.Ordinal
        );
        return Results.Json(answer, KafkaConnectJsonContext.Default.DictionaryStringLoggerLevel);
    }

    public static IResult Logger(string logger, LoggerLevels levels) =>
        Results.Json(
            new LoggerLevel(LoggerLevels.Name(levels.LevelOf(logger)), null),
            KafkaConnectJsonContext.Default.LoggerLevel
        );

    public static async Task<IResult> SetLoggerAsync(
        string logger,
        LoggerLevels levels,
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var body = await JsonSerializer
            .DeserializeAsync(
                request.Body,
                KafkaConnectJsonContext.Default.LoggerLevel,
                cancellationToken
            )
            .ConfigureAwait(false);
        if (body?.Level is not { } text)
        {
            return RestErrors.BadRequest(
                "The request body must name a level: {\"level\": \"DEBUG\"}"
            );
        }
        if (LoggerLevels.Parse(text) is not { } level)
        {
            return RestErrors.NotFound($"invalid log level '{text}'.");
        }
        var changed = levels.Set(logger, level).ToList();
        return Results.Json(changed, KafkaConnectJsonContext.Default.ListString);
    }

    public static IResult Live() =>
        Results.Json(
            new HealthStatus("healthy", "Worker is live"),
            KafkaConnectJsonContext.Default.HealthStatus
        );

    // Ready when every task that should run is RUNNING (or PAUSED), or restarting within its
    // backoff; 503 otherwise, naming the tasks that are not.
    public IResult Ready()
    {
        if (_worker.IsReady)
        {
            return Results.Json(
                new HealthStatus("healthy", "Every task is running"),
                KafkaConnectJsonContext.Default.HealthStatus
            );
        }
        var notRunning = _worker
            .Connectors.SelectMany(c =>
                _worker
                    .GetStatus(c)
                    .Tasks.Where(t =>
                        t.State is not (Worker.TaskState.RUNNING or Worker.TaskState.PAUSED)
                    )
                    .Select(t => $"{c}-{t.Id} {t.State}")
            )
            .ToList();
        return Results.Json(
            new HealthStatus("unhealthy", "Not running: " + string.Join(", ", notRunning)),
            KafkaConnectJsonContext.Default.HealthStatus,
            statusCode: StatusCodes.Status503ServiceUnavailable
        );
    }
}
