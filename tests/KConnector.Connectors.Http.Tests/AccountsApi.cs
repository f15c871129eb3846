using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KConnector.Connectors.Http.Tests;

/// <summary>
/// A paged REST API in the manner of Salesforce's query endpoint, served by Kestrel: bearer auth,
/// records with id above <c>since</c> in ascending order, two per page, and a
/// <c>nextRecordsUrl</c> (cursor mode) or <c>page</c> numbers (page mode).
/// </summary>
public sealed class AccountsApi
{
    public ConcurrentDictionary<long, (string Name, double? Revenue)> Accounts { get; } = new();

    public int FailNextRequests { get; set; }

    public async Task HandleAsync(HttpContext context, ReceivedRequest request, int n)
    {
        if (context.Request.Headers.Authorization != "Bearer api-token")
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""[{"errorCode":"INVALID_SESSION_ID"}]""");
            return;
        }
        if (FailNextRequests > 0)
        {
            FailNextRequests--;
            context.Response.StatusCode = 503;
            return;
        }
        var query = context.Request.Query;
        var since = long.Parse(query["since"].ToString(), CultureInfo.InvariantCulture);
        var matching = Accounts.Where(a => a.Key > since).OrderBy(a => a.Key).ToArray();
        IEnumerable<KeyValuePair<long, (string Name, double? Revenue)>> page;
        string? next = null;
        if (context.Request.Path == "/items")
        {
            var number = int.Parse(query["page"].ToString(), CultureInfo.InvariantCulture);
            page = matching.Skip((number - 1) * 2).Take(2);
        }
        else
        {
            var after = query.ContainsKey("after")
                ? long.Parse(query["after"].ToString(), CultureInfo.InvariantCulture)
                : since;
            var rest = matching.Where(a => a.Key > after).ToArray();
            page = rest.Take(2);
            if (rest.Length > 2)
            {
                next = $"/services/data/v60.0/query?since={since}&after={rest[1].Key}";
            }
        }
        context.Response.ContentType = "application/json";
        var records = page.Select(a => new Dictionary<string, object?>
            {
                ["id"] = a.Key,
                ["name"] = a.Value.Name,
                ["revenue"] = a.Value.Revenue,
                ["attributes"] = new { type = "Account" },
            })
            .ToArray();
        await context.Response.WriteAsync(
            JsonSerializer.Serialize(
                new Dictionary<string, object?>
                {
                    ["totalSize"] = matching.Length,
                    ["done"] = next is null,
                    ["nextRecordsUrl"] = next,
                    ["records"] = records,
                }
            )
        );
    }
}
