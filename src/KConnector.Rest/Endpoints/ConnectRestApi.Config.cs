using System.Text.Json;
using KConnector.Hosting;
using KConnector.Rest.Model;
using Microsoft.AspNetCore.Http;

namespace KConnector.Rest.Endpoints;

// PUT and PATCH /connectors/{name}/config (KIP-477) and DELETE /connectors/{name}.
internal sealed partial class ConnectRestApi
{
    // PUT: creates the connector (201) or replaces its whole config (200), answering its info.
    public async Task<IResult> PutConfigAsync(
        string name,
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var config = ConnectorJson.Config(
            await ReadConfigAsync(request, cancellationToken).ConfigureAwait(false)
        );
        return await ApplyAsync(name, config, cancellationToken).ConfigureAwait(false);
    }

    // PATCH: the given keys over the current config; a null value removes a key (KIP-477).
    public async Task<IResult> PatchConfigAsync(
        string name,
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var patch = await ReadConfigAsync(request, cancellationToken).ConfigureAwait(false);
        var config = new Dictionary<string, string>(Current(name), StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                config.Remove(key);
            }
            else
            {
                config[key] = ConnectorJson.Config(new() { [key] = value })[key];
            }
        }
        return await ApplyAsync(name, config, cancellationToken).ConfigureAwait(false);
    }

    // The config as given (not the answer's, whose secrets read [hidden]).
    private Dictionary<string, string> Current(string name)
    {
        if (_given.TryGetValue(name, out var given))
        {
            return given;
        }
        var shown = _worker.GetInfo(name).Config;
        if (shown.Values.Contains(Configuration.Password.Hidden, StringComparer.Ordinal))
        {
            throw new ConnectorStateException(
                $"Connector {name} was not created over REST and its config holds secrets this worker does not show: PUT its whole config instead"
            );
        }
        return new Dictionary<string, string>(shown, StringComparer.Ordinal);
    }

    private async Task<IResult> ApplyAsync(
        string name,
        Dictionary<string, string> config,
        CancellationToken cancellationToken
    )
    {
        if (config.TryGetValue("name", out var configured) && configured != name)
        {
            return RestErrors.BadRequest(
                $"Connector name configuration ({configured}) doesn't match connector name in the URL ({name})"
            );
        }
        config["name"] = name;
        if (!_worker.Connectors.Contains(name, StringComparer.Ordinal))
        {
            var created = await AddAsync(config, TargetState.STARTED, cancellationToken)
                .ConfigureAwait(false);
            return Results.Json(
                ConnectorJson.Info(created),
                KafkaConnectJsonContext.Default.ConnectorInfoResponse,
                statusCode: StatusCodes.Status201Created
            );
        }
        var registration = Factory.Create(config);
        registration.GivenConfig ??= config;
        var info = await _worker
            .ReplaceConnectorAsync(registration, cancellationToken)
            .ConfigureAwait(false);
        Remember(config, TargetOf(name));
        return Results.Json(
            ConnectorJson.Info(info),
            KafkaConnectJsonContext.Default.ConnectorInfoResponse
        );
    }

    private TargetState TargetOf(string name) =>
        _worker.GetStatus(name).State switch
        {
            Worker.TaskState.STOPPED => TargetState.STOPPED,
            Worker.TaskState.PAUSED => TargetState.PAUSED,
            _ => TargetState.STARTED,
        };

    private static async Task<Dictionary<string, JsonElement>> ReadConfigAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    ) =>
        await JsonSerializer
            .DeserializeAsync(
                request.Body,
                KafkaConnectJsonContext.Default.DictionaryStringJsonElement,
                cancellationToken
            )
            .ConfigureAwait(false)
        ?? throw new JsonException("The request body is empty");

    // DELETE: 204 No Content; the connector's offsets stay (as in Kafka Connect).
    public async Task<IResult> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await _worker.DeleteConnectorAsync(name, cancellationToken).ConfigureAwait(false);
        _given.TryRemove(name, out _);
        _store?.Remove(name);
        return Results.NoContent();
    }
}
