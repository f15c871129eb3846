using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Hosting;
using KConnector.Rest.Model;

namespace KConnector.Rest.Endpoints;

/// <summary>Conversions between the worker's view of connectors and Kafka Connect's JSON shapes.</summary>
internal static class ConnectorJson
{
    /// <summary>A config body as Kafka Connect's string map: numbers and booleans as their JSON text.</summary>
    public static Dictionary<string, string> Config(Dictionary<string, JsonElement> body)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in body)
        {
            config[key] = Text(value, key);
        }
        return config;
    }

    private static string Text(JsonElement value, string key) =>
        value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw new JsonException(
                $"The value of \"{key}\" must be a string, a number or a boolean, not {value.ValueKind}"
            ),
        };

    public static string Type(bool isSink) => isSink ? "sink" : "source";

    public static ConnectorInfoResponse Info(ConnectorInfo info) =>
        new(
            info.Name,
            info.Config,
            [.. info.TaskIds.Select(id => new ConnectorTaskId(info.Name, id))],
            Type(info.IsSink)
        );

    public static ConnectorStateInfo Status(ConnectorStatus status, bool isSink, string workerId) =>
        new(
            status.Name,
            new StateInfo(status.State.ToString(), status.WorkerId ?? workerId, null),
            [.. status.Tasks.Select(t => Task(t, workerId))],
            Type(isSink)
        );

    public static TaskStateInfo Task(Hosting.TaskStatus task, string workerId) =>
        new(task.Id, task.State.ToString(), task.WorkerId ?? workerId, task.Trace);

    /// <summary>A JSON object of a partition or offset as the store's string map.</summary>
    public static Dictionary<string, string> Map(JsonObject json)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in json)
        {
            map[key] = value switch
            {
                null => throw new JsonException($"\"{key}\" must not be null"),
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                JsonValue v => v.ToJsonString(),
                _ => throw new JsonException(
                    $"\"{key}\" must be a string, a number or a boolean (a source partition or offset is a flat map)"
                ),
            };
        }
        return map;
    }

    /// <summary>
    /// A stored string map as JSON: values that are integers are written as numbers, as Kafka
    /// Connect's connectors write them (FileStreamSource's <c>position</c> is a long).
    /// </summary>
    public static JsonObject Json(IReadOnlyDictionary<string, string> map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json[key] = long.TryParse(
                value,
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var number
            )
                ? JsonValue.Create(number)
                : value switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ => JsonValue.Create(value),
                };
        }
        return json;
    }
}
