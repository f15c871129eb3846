using KConnector.Hosting;
using KConnector.Rest.Model;
using Microsoft.AspNetCore.Http;

namespace KConnector.Rest.Endpoints;

// PUT pause / resume / stop, POST restart (KIP-745) and a task's restart, with Connect's codes:
// 202 Accepted for pause and resume, 204 for stop and a task's restart, 204 or 202 for restart.
internal sealed partial class ConnectRestApi
{
    public IResult Pause(string name)
    {
        _worker.Pause(name);
        RememberState(name, TargetState.PAUSED);
        return Results.Accepted();
    }

    public IResult Resume(string name)
    {
        _worker.Resume(name);
        RememberState(name, TargetState.STARTED);
        return Results.Accepted();
    }

    public async Task<IResult> StopAsync(string name, CancellationToken cancellationToken)
    {
        await _worker.StopConnectorAsync(name, cancellationToken).ConfigureAwait(false);
        RememberState(name, TargetState.STOPPED);
        return Results.NoContent();
    }

    // Without includeTasks and onlyFailed only the connector restarts: 204. Otherwise 202 with the
    // status showing RESTARTING for what restarts.
    public async Task<IResult> RestartAsync(
        string name,
        bool? includeTasks,
        bool? onlyFailed,
        CancellationToken cancellationToken
    )
    {
        var tasks = includeTasks ?? false;
        var failed = onlyFailed ?? false;
        var isSink = _worker.GetInfo(name).IsSink;
        var status = await _worker
            .RestartAsync(name, tasks, failed, cancellationToken)
            .ConfigureAwait(false);
        if (!tasks && !failed)
        {
            return Results.NoContent();
        }
        return Results.Json(
            ConnectorJson.Status(status, isSink, WorkerId),
            KafkaConnectJsonContext.Default.ConnectorStateInfo,
            statusCode: StatusCodes.Status202Accepted
        );
    }

    public async Task<IResult> RestartTaskAsync(
        string name,
        int task,
        CancellationToken cancellationToken
    )
    {
        await _worker.RestartTaskAsync(name, task, cancellationToken).ConfigureAwait(false);
        return Results.NoContent();
    }

    // GET /connectors/{name}/topics (KIP-558): the topics the worker saw the connector use.
    public IResult Topics(string name) =>
        Results.Json(
            new Dictionary<string, ActiveTopics>(StringComparer.Ordinal)
            {
                [name] = new ActiveTopics(_worker.GetActiveTopics(name)),
            },
            KafkaConnectJsonContext.Default.DictionaryStringActiveTopics
        );

    // PUT /connectors/{name}/topics/reset: 202 Accepted, as Connect.
    public IResult ResetTopics(string name)
    {
        _worker.ResetActiveTopics(name);
        return Results.Accepted();
    }
}
