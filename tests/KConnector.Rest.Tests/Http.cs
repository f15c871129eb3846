using System.Net;
using System.Text;
using System.Text.Json;

namespace KConnector.Rest.Tests;

/// <summary>Requests with JSON bodies and answers read as JSON, for asserting Kafka Connect's shapes.</summary>
internal static class Http
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        this HttpClient client,
        HttpMethod method,
        string path,
        string? json = null
    )
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(
        this HttpClient client,
        string path
    ) => client.SendAsync(HttpMethod.Get, path);

    public static Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(
        this HttpClient client,
        string path,
        string? json = null
    ) => client.SendAsync(HttpMethod.Post, path, json);

    public static Task<(HttpStatusCode Status, JsonElement Body)> PutJsonAsync(
        this HttpClient client,
        string path,
        string? json = null
    ) => client.SendAsync(HttpMethod.Put, path, json);

    public static Task<(HttpStatusCode Status, JsonElement Body)> PatchJsonAsync(
        this HttpClient client,
        string path,
        string json
    ) => client.SendAsync(HttpMethod.Patch, path, json);

    public static Task<(HttpStatusCode Status, JsonElement Body)> DeleteJsonAsync(
        this HttpClient client,
        string path
    ) => client.SendAsync(HttpMethod.Delete, path);

    /// <summary>Kafka Connect's error body: <c>{"error_code": status, "message": ...}</c>; answers the message.</summary>
    public static string AssertError(
        this (HttpStatusCode Status, JsonElement Body) answer,
        HttpStatusCode expected
    )
    {
        Assert.Equal(expected, answer.Status);
        Assert.Equal((int)expected, answer.Body.GetProperty("error_code").GetInt32());
        return answer.Body.GetProperty("message").GetString()!;
    }

    /// <summary>Polls <paramref name="condition"/> every 50 ms, failing after <paramref name="within"/> (30 s) naming <paramref name="what"/>.</summary>
    public static async Task UntilAsync(
        Func<Task<bool>> condition,
        string what,
        TimeSpan? within = null
    )
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    public static string Names(JsonElement array) =>
        string.Join(",", array.EnumerateArray().Select(e => e.GetString()));
}
