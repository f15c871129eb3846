using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace KConnector.Testing.SchemaRegistry;

/// <summary>
/// A Schema Registry on Kestrel at 127.0.0.1 (a free port) that follows the documented API
/// (https://docs.confluent.io/platform/current/schema-registry/develop/api.html): requests and
/// responses in application/vnd.schemaregistry.v1+json, errors as {"error_code","message"}.
/// Tests queue faults (a status for the next N requests), make a subject reject new versions with 409,
/// require an Authorization header, and read the log of requests received.
/// </summary>
public sealed class SchemaRegistryTestServer : IAsyncDisposable
{
    private const string ContentType = "application/vnd.schemaregistry.v1+json";
    private WebApplication _app;
    private bool _stopped;
    private readonly object _gate = new();
    private readonly List<(string Schema, string Type)> _schemas = [];
    private readonly Dictionary<string, List<int>> _subjects = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _faults = new();
    private readonly ConcurrentQueue<RegistryRequest> _requests = new();

    private SchemaRegistryTestServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base URL, e.g. http://127.0.0.1:41234.</summary>
    public string Url { get; private set; } = "";

    /// <summary>When set, requests without exactly this Authorization header get 401.</summary>
    public string? RequiredAuthorization { get; set; }

    /// <summary>Subjects whose next new version is rejected as incompatible (409).</summary>
    public ConcurrentDictionary<string, bool> IncompatibleSubjects { get; } = new();

    /// <summary>How long each request waits before answering (to provoke client timeouts).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RegistryRequest> Requests => _requests.ToArray();

    /// <summary>Starts a registry on 127.0.0.1 and a free port.</summary>
    public static async Task<SchemaRegistryTestServer> StartAsync()
    {
        var app = Build("http://127.0.0.1:0");
        var server = new SchemaRegistryTestServer(app);
        server.Map(app);
        await app.StartAsync();
        server.Url = app.Urls.Single();
        return server;
    }

    /// <summary>Stops listening (connections are refused) and keeps every schema and subject.</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Listens again at the same <see cref="Url"/>, with the schemas and subjects it had.</summary>
    public async Task RestartAsync()
    {
        var app = Build(Url);
        Map(app);
        await app.StartAsync();
        _app = app;
        _stopped = false;
    }

    private static WebApplication Build(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/>.</summary>
    public void FailNext(int count, int status)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(status);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(
            async (context, next) =>
            {
                context.Request.EnableBuffering();
                var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
                context.Request.Body.Position = 0;
                _requests.Enqueue(
                    new RegistryRequest(
                        context.Request.Method,
                        // The raw target: what the client sent, before Kestrel unescapes it.
                        context.Features.Get<IHttpRequestFeature>()?.RawTarget
                            ?? "",
                        context.Request.Headers.Authorization.FirstOrDefault(),
                        context.Request.ContentType,
                        context.Request.Headers.Accept.FirstOrDefault(),
                        context.Request.Headers.ToDictionary(
                            h => h.Key,
                            h => h.Value.ToString(),
                            StringComparer.OrdinalIgnoreCase
                        ),
                        body
                    )
                );
                if (Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, context.RequestAborted);
                }
                if (_faults.TryDequeue(out var status))
                {
                    await Error(context, status, status * 100 + 1, "Injected fault");
                    return;
                }
                if (
                    RequiredAuthorization is not null
                    && context.Request.Headers.Authorization.FirstOrDefault()
                        != RequiredAuthorization
                )
                {
                    await Error(context, 401, 401, "Unauthorized");
                    return;
                }
                await next(context);
            }
        );
        app.MapPost("/subjects/{subject}/versions", Register);
        app.MapPost("/subjects/{subject}", Lookup);
        app.MapGet("/schemas/ids/{id:int}", GetById);
        app.MapGet("/subjects/{subject}/versions", Versions);
        app.MapGet("/subjects/{subject}/versions/{version}", GetVersion);
        app.MapPost("/compatibility/subjects/{subject}/versions/latest", Compatibility);
    }

    private async Task Register(HttpContext context, string subject)
    {
        var (schema, type) = await ReadSchema(context);
        if (type == "AVRO" && !IsJson(schema))
        {
            await Error(context, 422, 42201, "Invalid schema " + schema);
            return;
        }
        int id;
        lock (_gate)
        {
            id = IdOf(schema, type);
            var versions = _subjects.TryGetValue(subject, out var list)
                ? list
                : _subjects[subject] = [];
            if (id < 0 || !versions.Contains(id))
            {
                if (versions.Count > 0 && IncompatibleSubjects.ContainsKey(subject))
                {
                    id = int.MinValue;
                }
                else
                {
                    if (id < 0)
                    {
                        _schemas.Add((schema, type));
                        id = _schemas.Count;
                    }
                    versions.Add(id);
                }
            }
        }
        if (id == int.MinValue)
        {
            await Error(
                context,
                409,
                409,
                $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\""
            );
            return;
        }
        await Json(context, $$"""{"id":{{id}}}""");
    }

    private async Task Lookup(HttpContext context, string subject)
    {
        var (schema, type) = await ReadSchema(context);
        string? found = null;
        lock (_gate)
        {
            if (!_subjects.TryGetValue(subject, out var versions))
            {
                found = "40401";
            }
            else
            {
                var id = IdOf(schema, type);
                var index = versions.IndexOf(id);
                found = index < 0 ? "40403" : Registered(subject, index + 1, id);
            }
        }
        await (
            found switch
            {
                "40401" => Error(context, 404, 40401, $"Subject '{subject}' not found."),
                "40403" => Error(context, 404, 40403, "Schema not found"),
                _ => Json(context, found),
            }
        );
    }

    private Task GetById(HttpContext context, int id)
    {
        lock (_gate)
        {
            if (id < 1 || id > _schemas.Count)
            {
                return Error(context, 404, 40403, "Schema " + id + " not found");
            }
            var (schema, type) = _schemas[id - 1];
            return Json(context, SchemaJson(schema, type, null));
        }
    }

    private Task Versions(HttpContext context, string subject)
    {
        lock (_gate)
        {
            return _subjects.TryGetValue(subject, out var versions)
                ? Json(context, "[" + string.Join(",", Enumerable.Range(1, versions.Count)) + "]")
                : Error(context, 404, 40401, $"Subject '{subject}' not found.");
        }
    }

    private Task GetVersion(HttpContext context, string subject, string version)
    {
        lock (_gate)
        {
            if (!_subjects.TryGetValue(subject, out var versions))
            {
                return Error(context, 404, 40401, $"Subject '{subject}' not found.");
            }
            var number = version == "latest" ? versions.Count : int.Parse(version);
            return number < 1 || number > versions.Count
                ? Error(context, 404, 40402, "Version " + version + " not found.")
                : Json(context, Registered(subject, number, versions[number - 1]));
        }
    }

    private async Task Compatibility(HttpContext context, string subject)
    {
        var (schema, type) = await ReadSchema(context);
        bool compatible;
        lock (_gate)
        {
            if (!_subjects.TryGetValue(subject, out var versions))
            {
                compatible = true;
            }
            else
            {
                compatible =
                    !IncompatibleSubjects.ContainsKey(subject)
                    || versions.Contains(IdOf(schema, type));
            }
        }
        await Json(context, $$"""{"is_compatible":{{(compatible ? "true" : "false")}}}""");
    }

    private string Registered(string subject, int version, int id)
    {
        var (schema, type) = _schemas[id - 1];
        return SchemaJson(schema, type, (subject, version, id));
    }

    private static string SchemaJson(
        string schema,
        string type,
        (string Subject, int Version, int Id)? registered
    )
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (registered is { } r)
            {
                writer.WriteString("subject", r.Subject);
                writer.WriteNumber("version", r.Version);
                writer.WriteNumber("id", r.Id);
            }
            if (type != "AVRO")
            {
                writer.WriteString("schemaType", type);
            }
            writer.WriteString("schema", schema);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // As Confluent's registry, a schema is known by its parsed form, not its text: two clients
    // that print the same schema differently (attribute order, whitespace: Apache.Avro's
    // Schema.ToString() against an .avsc file) get the same id (issue 20, item 12).
    private int IdOf(string schema, string type) =>
        _schemas.FindIndex(s => s.Type == type && Normalised(s.Schema) == Normalised(schema))
            is var i
        && i >= 0
            ? i + 1
            : -1;

    // JSON (Avro and JSON Schema) with object members in ordinal order and no whitespace; any other
    // text (a .proto) as it is.
    private static string Normalised(string schema)
    {
        try
        {
            using var doc = JsonDocument.Parse(schema);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                WriteSorted(writer, doc.RootElement);
            }
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (JsonException)
        {
            return schema;
        }
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (
                    var property in element
                        .EnumerateObject()
                        .OrderBy(p => p.Name, StringComparer.Ordinal)
                )
                {
                    writer.WritePropertyName(property.Name);
                    WriteSorted(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteSorted(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static async Task<(string Schema, string Type)> ReadSchema(HttpContext context)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        var root = doc.RootElement;
        return (
            root.GetProperty("schema").GetString()!,
            root.TryGetProperty("schemaType", out var t) ? t.GetString()! : "AVRO"
        );
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Task Json(HttpContext context, string json)
    {
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(json);
    }

    private static Task Error(HttpContext context, int status, int errorCode, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(
            "{\"error_code\":"
                + errorCode
                + ",\"message\":\""
                + JsonEncodedText.Encode(message)
                + "\"}"
        );
    }
}
