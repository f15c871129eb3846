using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Connectors.Http.Tests;
using Microsoft.AspNetCore.Http;

namespace KConnector.Connectors.Elasticsearch.Tests;

/// <summary>
/// An Elasticsearch stand-in on Kestrel that answers as the REST API documentation describes:
/// <c>POST /_bulk</c> (NDJSON action and source lines; an answer with <c>errors</c> and one item
/// per action, each with its own status and <c>error.type</c>/<c>reason</c>), <c>HEAD</c> and
/// <c>PUT /{index}</c>, HTTP Basic security. No Elasticsearch server can run on these machines.
/// </summary>
public sealed class BulkApi
{
    public ConcurrentDictionary<string, JsonObject> Documents { get; } = new();

    public ConcurrentDictionary<string, string> Mappings { get; } = new();

    /// <summary>Decides an item's failure: (action, index, id, attempt for this id) -> (status, error type) or null.</summary>
    public Func<string, string, string, int, (int Status, string Type)?> ItemFailure { get; set; } =
        (_, _, _, _) => null;

    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public async Task HandleAsync(HttpContext context, ReceivedRequest request, int n)
    {
        if (
            context.Request.Headers.Authorization
            != "Basic " + Convert.ToBase64String("elastic:changeme"u8.ToArray())
        )
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync(
                """{"error":{"type":"security_exception","reason":"missing authentication credentials"},"status":401}"""
            );
            return;
        }
        var path = context.Request.Path.Value!.TrimStart('/');
        if (request.Method == "HEAD")
        {
            context.Response.StatusCode = Mappings.ContainsKey(path) ? 200 : 404;
            return;
        }
        if (request.Method == "PUT")
        {
            if (!Mappings.TryAdd(path, request.Body))
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync(
                    """{"error":{"type":"resource_already_exists_exception"},"status":400}"""
                );
                return;
            }
            await context.Response.WriteAsync(
                $$"""{"acknowledged":true,"shards_acknowledged":true,"index":"{{path}}"}"""
            );
            return;
        }
        if (
            path != "_bulk"
            || !request
                .Headers["Content-Type"]
                .StartsWith("application/x-ndjson", StringComparison.Ordinal)
            || !request.Body.EndsWith('\n')
        )
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(
                """{"error":{"type":"illegal_argument_exception","reason":"The bulk request must be terminated by a newline [\n]"},"status":400}"""
            );
            return;
        }
        var lines = request.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new JsonArray();
        var errors = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var action = JsonNode.Parse(lines[i])!.AsObject().First();
            var meta = action.Value!.AsObject();
            var index = (string)meta["_index"]!;
            var id = (string)meta["_id"]!;
            JsonObject? source =
                action.Key == "delete" ? null : JsonNode.Parse(lines[++i])!.AsObject();
            var key = index + "/" + id;
            var attempt = _attempts.AddOrUpdate(key, 0, (_, a) => a + 1);
            var result = new JsonObject { ["_index"] = index, ["_id"] = id };
            if (ItemFailure(action.Key, index, id, attempt) is { } failure)
            {
                errors = true;
                result["status"] = failure.Status;
                result["error"] = new JsonObject
                {
                    ["type"] = failure.Type,
                    ["reason"] = $"failed on [{id}]",
                };
            }
            else if (action.Key == "delete")
            {
                var found = Documents.TryRemove(key, out _);
                result["status"] = found ? 200 : 404;
                result["result"] = found ? "deleted" : "not_found";
            }
            else if (action.Key == "update")
            {
                if ((bool?)source!["doc_as_upsert"] != true)
                {
                    throw new InvalidOperationException("update without doc_as_upsert");
                }
                var doc = source["doc"]!.AsObject();
                var merged = Documents.TryGetValue(key, out var existing)
                    ? existing
                    : new JsonObject();
                foreach (var (name, value) in doc)
                {
                    merged[name] = value?.DeepClone();
                }
                Documents[key] = merged;
                result["status"] = existing is null ? 201 : 200;
            }
            else
            {
                result["status"] = Documents.ContainsKey(key) ? 200 : 201;
                Documents[key] = source!;
            }
            items.Add(new JsonObject { [action.Key] = result });
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            new JsonObject
            {
                ["took"] = 3,
                ["errors"] = errors,
                ["items"] = items,
            }.ToJsonString()
        );
    }
}
