using System.Collections.Concurrent;
using System.Text.Json;
using KConnector.Hosting;
using KConnector.Rest.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KConnector.Rest.Endpoints;

/// <summary>
/// Kafka Connect's <c>ConnectorsResource</c> over a worker: each handler answers with Connect's
/// status code and JSON shape. Connectors created over REST keep their config as given (for
/// <c>PATCH</c> and for the <see cref="IConnectorConfigStore"/>); answers hide secrets.
/// </summary>
internal sealed partial class ConnectRestApi
{
    private readonly IConnectorController _worker;
    private readonly IConnectorFactory? _factory;
    private readonly IConnectorConfigStore? _store;
    private readonly KafkaConnectRestOptions _options;
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _given = new(
        StringComparer.Ordinal
    );

    public ConnectRestApi(
        IConnectorController worker,
        IOptions<KafkaConnectRestOptions> options,
        IServiceProvider services
    )
    {
        _worker = worker;
        _options = options.Value;
        _factory = services.GetService<IConnectorFactory>();
        _store = services.GetService<IConnectorConfigStore>();
    }

    private string WorkerId => _options.WorkerId;

    // GET /: the cluster's id as the worker's brokers tell it (null, and a warning logged, while
    // none answers), unless the options name it.
    public async Task<IResult> RootAsync(CancellationToken cancellationToken) =>
        Results.Json(
            new ServerInfo(
                typeof(ConnectRestApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
                string.Empty,
                _options.KafkaClusterId
                    ?? await _worker.GetKafkaClusterIdAsync(cancellationToken).ConfigureAwait(false)
            ),
            KafkaConnectJsonContext.Default.ServerInfo
        );

    // GET /connectors, with ?expand=status and/or ?expand=info (KIP-465).
    public IResult List(HttpRequest request)
    {
        var expand = request.Query["expand"].ToHashSet(StringComparer.Ordinal);
        var names = _worker.Connectors.Order(StringComparer.Ordinal).ToList();
        if (!expand.Contains("status") && !expand.Contains("info"))
        {
            return Results.Json(names, KafkaConnectJsonContext.Default.ListString);
        }
        var expanded = new Dictionary<string, ExpandedConnector>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var info = _worker.GetInfo(name);
            expanded[name] = new ExpandedConnector(
                expand.Contains("info") ? ConnectorJson.Info(info) : null,
                expand.Contains("status")
                    ? ConnectorJson.Status(_worker.GetStatus(name), info.IsSink, WorkerId)
                    : null
            );
        }
        return Results.Json(
            expanded,
            KafkaConnectJsonContext.Default.DictionaryStringExpandedConnector
        );
    }

    // POST /connectors: 201 Created with the connector's info, 409 if the name is taken.
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body =
            await JsonSerializer
                .DeserializeAsync(
                    request.Body,
                    KafkaConnectJsonContext.Default.CreateConnectorRequest,
                    cancellationToken
                )
                .ConfigureAwait(false)
            ?? throw new JsonException("The request body is empty");
        var config = ConnectorJson.Config(body.Config ?? []);
        var name = body.Name ?? config.GetValueOrDefault("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            return RestErrors.BadRequest("Connector name must not be null or empty");
        }
        if (config.TryGetValue("name", out var configured) && configured != name)
        {
            return RestErrors.BadRequest(
                $"Connector name configuration ({configured}) doesn't match connector name in the request ({name})"
            );
        }
        if (!TryParseInitialState(body.InitialState, out var state))
        {
            return RestErrors.BadRequest(
                $"Invalid initial_state '{body.InitialState}': one of RUNNING, PAUSED, STOPPED"
            );
        }
        config["name"] = name;
        if (_worker.Connectors.Contains(name, StringComparer.Ordinal))
        {
            return RestErrors.Error(409, $"Connector {name} already exists");
        }
        var info = await AddAsync(config, state, cancellationToken).ConfigureAwait(false);
        request.HttpContext.Response.Headers.Location = "/connectors/" + Uri.EscapeDataString(name);
        return Results.Json(
            ConnectorJson.Info(info),
            KafkaConnectJsonContext.Default.ConnectorInfoResponse,
            statusCode: StatusCodes.Status201Created
        );
    }

    private static bool TryParseInitialState(string? text, out TargetState state)
    {
        state = TargetState.STARTED;
        switch (text?.ToUpperInvariant())
        {
            case null or "RUNNING":
                return true;
            case "PAUSED":
                state = TargetState.PAUSED;
                return true;
            case "STOPPED":
                state = TargetState.STOPPED;
                return true;
            default:
                return false;
        }
    }

    private IConnectorFactory Factory =>
        _factory
        ?? throw new ConnectorStateException(
            "This worker runs the connectors its code registers: creating or reconfiguring connectors over REST needs an IConnectorFactory (kconnector run has one; see docs/rest-api.md)"
        );

    private async Task<ConnectorInfo> AddAsync(
        Dictionary<string, string> config,
        TargetState state,
        CancellationToken cancellationToken
    )
    {
        var registration = Factory.Create(config);
        registration.GivenConfig ??= config;
        var info = await _worker
            .AddConnectorAsync(registration, state, cancellationToken)
            .ConfigureAwait(false);
        Remember(config, state);
        return info;
    }

    private void Remember(Dictionary<string, string> config, TargetState state)
    {
        var name = config["name"];
        _given[name] = config;
        _store?.Save(new StoredConnector(name, config, state));
    }

    private void RememberState(string name, TargetState state)
    {
        if (_given.TryGetValue(name, out var config))
        {
            _store?.Save(new StoredConnector(name, config, state));
        }
    }

    /// <summary>Starts the connectors a store kept, in the state they were left in.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var stored in _store?.Load() ?? [])
        {
            if (_worker.Connectors.Contains(stored.Name, StringComparer.Ordinal))
            {
                continue; // Given again at start (a spec of the same name): that one runs.
            }
            var config = new Dictionary<string, string>(stored.Config, StringComparer.Ordinal);
            await AddAsync(config, stored.State, cancellationToken).ConfigureAwait(false);
        }
    }

    public IResult Get(string name) =>
        Results.Json(
            ConnectorJson.Info(_worker.GetInfo(name)),
            KafkaConnectJsonContext.Default.ConnectorInfoResponse
        );

    public IResult GetConfig(string name) =>
        Results.Json(
            new Dictionary<string, string>(_worker.GetInfo(name).Config, StringComparer.Ordinal),
            KafkaConnectJsonContext.Default.DictionaryStringString
        );

    public IResult Status(string name)
    {
        var info = _worker.GetInfo(name);
        return Results.Json(
            ConnectorJson.Status(_worker.GetStatus(name), info.IsSink, WorkerId),
            KafkaConnectJsonContext.Default.ConnectorStateInfo
        );
    }

    public IResult TaskStatus(string name, int task)
    {
        var status = _worker.GetStatus(name).Tasks.FirstOrDefault(t => t.Id == task);
        return status is null
            ? RestErrors.NotFound($"No status found for task {name}-{task}")
            : Results.Json(
                ConnectorJson.Task(status, WorkerId),
                KafkaConnectJsonContext.Default.TaskStateInfo
            );
    }

    // GET /connectors/{name}/tasks: each task's config is the connector's (secrets hidden) with its id.
    public IResult Tasks(string name)
    {
        var info = _worker.GetInfo(name);
        var tasks = info
            .TaskIds.Select(id => new TaskInfo(
                new ConnectorTaskId(name, id),
                new Dictionary<string, string>(info.Config, StringComparer.Ordinal)
                {
                    ["task.id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }
            ))
            .ToList();
        return Results.Json(tasks, KafkaConnectJsonContext.Default.ListTaskInfo);
    }
}
