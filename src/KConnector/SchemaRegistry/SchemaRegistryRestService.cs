using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KConnector.Configuration;

namespace KConnector.SchemaRegistry;

/// <summary>
/// The Schema Registry's REST API over <see cref="HttpClient"/>, without caching: JSON written with
/// <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/> (no reflection), retries
/// with exponential backoff on 5xx, 408, 429, timeouts and refused connections (bounded by
/// <c>schema.registry.max.retries</c>), a <see cref="SchemaRegistryException"/> on any other 4xx.
/// Requests and responses as documented in Confluent's API reference
/// (<see href="https://docs.confluent.io/platform/current/schema-registry/develop/api.html"/>).
/// </summary>
internal sealed class SchemaRegistryRestService : IDisposable
{
    internal const string ContentType = "application/vnd.schemaregistry.v1+json";
    private readonly SchemaRegistryConfig _config;
    private readonly HttpClient _http;
    private int _urlIndex;

    public SchemaRegistryRestService(SchemaRegistryConfig config, HttpMessageHandler? handler)
    {
        _config = config;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        // Each attempt has its own timeout (below), so the client's own stays out of the way.
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    public async Task<int> RegisterAsync(string subject, Schema schema, CancellationToken ct)
    {
        using var doc = await SendAsync(
                HttpMethod.Post,
                $"subjects/{Escape(subject)}/versions",
                SchemaBody(schema),
                subject,
                ct
            )
            .ConfigureAwait(false);
        return doc!.RootElement.GetProperty("id").GetInt32();
    }

    public async Task<Schema> GetByIdAsync(int id, CancellationToken ct)
    {
        using var doc = await SendAsync(HttpMethod.Get, $"schemas/ids/{id}", null, null, ct)
            .ConfigureAwait(false);
        return ReadSchema(doc!.RootElement);
    }

    public async Task<RegisteredSchema> LookupAsync(
        string subject,
        Schema schema,
        CancellationToken ct
    )
    {
        using var doc = await SendAsync(
                HttpMethod.Post,
                $"subjects/{Escape(subject)}",
                SchemaBody(schema),
                subject,
                ct
            )
            .ConfigureAwait(false);
        return ReadRegistered(doc!.RootElement, subject);
    }

    public async Task<RegisteredSchema> GetVersionAsync(
        string subject,
        string version,
        CancellationToken ct
    )
    {
        using var doc = await SendAsync(
                HttpMethod.Get,
                $"subjects/{Escape(subject)}/versions/{version}",
                null,
                subject,
                ct
            )
            .ConfigureAwait(false);
        return ReadRegistered(doc!.RootElement, subject);
    }

    public async Task<IReadOnlyList<int>> GetVersionsAsync(string subject, CancellationToken ct)
    {
        using var doc = await SendAsync(
                HttpMethod.Get,
                $"subjects/{Escape(subject)}/versions",
                null,
                subject,
                ct
            )
            .ConfigureAwait(false);
        var versions = new List<int>();
        foreach (var item in doc!.RootElement.EnumerateArray())
        {
            versions.Add(item.GetInt32());
        }
        return versions;
    }

    public async Task<bool> IsCompatibleAsync(string subject, Schema schema, CancellationToken ct)
    {
        using var doc = await SendAsync(
                HttpMethod.Post,
                $"compatibility/subjects/{Escape(subject)}/versions/latest",
                SchemaBody(schema),
                subject,
                ct
            )
            .ConfigureAwait(false);
        return doc!.RootElement.GetProperty("is_compatible").GetBoolean();
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonDocument?> SendAsync(
        HttpMethod method,
        string path,
        byte[]? body,
        string? subject,
        CancellationToken ct
    )
    {
        var urls = _config.Urls;
        var wait = _config.RetriesWait;
        for (var attempt = 0; ; attempt++)
        {
            var start = Volatile.Read(ref _urlIndex);
            var baseUrl = urls[(int)((uint)start % (uint)urls.Count)];
            var url = new Uri(
                baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"),
                path
            );
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                timeout.CancelAfter(_config.RequestTimeout);
                using var request = BuildRequest(method, url, body);
                try
                {
                    using var response = await _http
                        .SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token)
                        .ConfigureAwait(false);
                    var content = await response
                        .Content.ReadAsByteArrayAsync(timeout.Token)
                        .ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return content.Length == 0 ? null : JsonDocument.Parse(content);
                    }
                    var (errorCode, message) = ReadError(content);
                    if (!IsRetriable(response.StatusCode) || attempt >= _config.MaxRetries)
                    {
                        throw new SchemaRegistryException(
                            Describe(response.StatusCode, subject, errorCode, message, url),
                            response.StatusCode,
                            errorCode,
                            subject
                        )
                        {
                            IsUnavailable = IsRetriable(response.StatusCode),
                        };
                    }
                }
                catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
                {
                    var failure =
                        $"{method} {UrlRedaction.Redact(url)} timed out after {_config.RequestTimeout.TotalMilliseconds} ms";
                    if (attempt >= _config.MaxRetries)
                    {
                        throw new SchemaRegistryException(
                            $"Schema Registry request failed after {attempt + 1} attempt(s): {failure}.",
                            e
                        )
                        {
                            IsUnavailable = true,
                        };
                    }
                }
                catch (HttpRequestException e)
                {
                    var failure =
                        $"{method} {UrlRedaction.Redact(url)} failed: {UrlRedaction.RedactIn(e.Message)}";
                    // A registry that cannot be reached: the next attempt goes to the next URL.
                    Interlocked.CompareExchange(ref _urlIndex, start + 1, start);
                    if (attempt >= _config.MaxRetries)
                    {
                        throw new SchemaRegistryException(
                            $"Schema Registry request failed after {attempt + 1} attempt(s): {failure}.",
                            e
                        )
                        {
                            IsUnavailable = true,
                        };
                    }
                }
            }
            await Task.Delay(wait, ct).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, _config.RetriesMaxWait.Ticks));
        }
    }

    private HttpRequestMessage BuildRequest(HttpMethod method, Uri url, byte[]? body)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd(
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5"
        );
        if (_config.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        foreach (var (name, value) in _config.ExtraHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        }
        return request;
    }

    // 408 and 429 are the registry telling the client to come back later; 5xx are the registry's faults.
    private static bool IsRetriable(HttpStatusCode status) =>
        (int)status >= 500
        || status == HttpStatusCode.RequestTimeout
        || status == HttpStatusCode.TooManyRequests;

    private static string Describe(
        HttpStatusCode status,
        string? subject,
        int errorCode,
        string message,
        Uri url
    )
    {
        var about = subject is null ? "" : $" for subject '{subject}'";
        return (int)status switch
        {
            401 or 403 =>
                $"Schema Registry refused the request{about} ({(int)status}, error_code {errorCode}): {message}. Check basic.auth.* / bearer.auth.*.",
            404 =>
                $"Schema Registry found nothing{about} (404, error_code {errorCode}): {message}.",
            409 =>
                $"Schema Registry rejected the schema{about} as incompatible with the subject's existing versions (409, error_code {errorCode}): {message}.",
            422 =>
                $"Schema Registry rejected the schema{about} as invalid (422, error_code {errorCode}): {message}.",
            _ =>
                $"Schema Registry request {UrlRedaction.Redact(url)} failed{about} ({(int)status}, error_code {errorCode}): {message}.",
        };
    }

    private static (int ErrorCode, string Message) ReadError(byte[] content)
    {
        try
        {
            using var doc = JsonDocument.Parse(content);
            var root = doc.RootElement;
            var code =
                root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var v) ? v : -1;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            return (code, message);
        }
        catch (JsonException)
        {
            return (-1, System.Text.Encoding.UTF8.GetString(content));
        }
    }

    private static byte[] SchemaBody(Schema schema)
    {
        var buffer = new ArrayBufferWriter<byte>(schema.SchemaString.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            // Confluent's clients leave schemaType out for AVRO, the registry's default.
            if (schema.SchemaType != SchemaType.Avro)
            {
                writer.WriteString("schemaType", schema.SchemaTypeName);
            }
            writer.WriteString("schema", schema.SchemaString);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static Schema ReadSchema(JsonElement element) =>
        new(
            element.GetProperty("schema").GetString()!,
            Schema.Parse(
                element.TryGetProperty("schemaType", out var type) ? type.GetString() : null
            )
        );

    private static RegisteredSchema ReadRegistered(JsonElement element, string subject) =>
        new(
            element.TryGetProperty("subject", out var s) ? s.GetString() ?? subject : subject,
            element.GetProperty("version").GetInt32(),
            element.GetProperty("id").GetInt32(),
            ReadSchema(element)
        );

    private static string Escape(string subject) => Uri.EscapeDataString(subject);
}
