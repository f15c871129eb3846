using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Company.Connector;

/// <summary>
/// A small REST API of sample orders on 127.0.0.1 (Kestrel, a free port), shaped as the APIs the
/// HTTP source polls: <c>GET /orders?after={id}</c> answers
/// <c>{"orders": [up to PageSize orders with a greater id, ascending], "next_page": "/orders?after={last id}"}</c>,
/// <c>next_page</c> null on the last page. <c>dotnet run</c> serves it while the spec's
/// <c>url</c> is the sample one; delete it once the connector points at your API.
/// </summary>
public sealed class SampleOrdersApi : IAsyncDisposable
{
    /// <summary>How many orders <c>dotnet run</c> serves.</summary>
    public const int Count = 20;

    /// <summary>Orders per page: the source follows <c>next_page</c> for the rest.</summary>
    public const int PageSize = 10;

    /// <summary>Where the spec's sample <c>url</c> points; the API's real address replaces it.</summary>
    public const string SpecAddress = "http://127.0.0.1:8080";

    private WebApplication? _app;
    private int _requests;

    private SampleOrdersApi() { }

    /// <summary>The API's address, <c>http://127.0.0.1:{port}</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>How many pages were asked for so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>
    /// Starts the API when the connector's <c>url</c> (the "Connector" section's, else the
    /// spec's) is the sample one, and points the section's <c>url</c> at it; null otherwise.
    /// </summary>
    public static async Task<SampleOrdersApi?> StartIfSampleUrlAsync(
        IConfigurationManager configuration,
        ILogger logger
    )
    {
        var url = configuration["Connector:url"] ?? OrdersBuiltInConfig.SpecValues["url"] ?? "";
        if (!url.StartsWith(SpecAddress + "/", StringComparison.Ordinal))
        {
            return null;
        }
        var api = await StartAsync(Count);
        configuration["Connector:url"] = api.Address + url[SpecAddress.Length..];
        logger.LogInformation(
            "Serving {Count} sample orders at {Address}/orders (the spec's url is the sample one)",
            Count,
            api.Address
        );
        return api;
    }

    /// <summary>Starts the API on a free port of 127.0.0.1 with orders 0 to <paramref name="count"/> - 1 (ids 1 to count).</summary>
    public static async Task<SampleOrdersApi> StartAsync(int count)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var api = new SampleOrdersApi();
        var app = builder.Build();
        app.MapGet(
            "/orders",
            (long? after) =>
            {
                Interlocked.Increment(ref api._requests);
                return Page(after ?? 0, count);
            }
        );
        await app.StartAsync();
        api._app = app;
        api.Address = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return api;
    }

    /// <summary>The orders with an id above <paramref name="after"/>, at most <see cref="PageSize"/>.</summary>
    private static IResult Page(long after, int count)
    {
        var orders = new JsonArray();
        var last = after;
        for (var id = Math.Max(after, 0) + 1; id <= count && orders.Count < PageSize; id++)
        {
            var order = SampleOrders.Create(id - 1);
            orders.Add(
                new JsonObject
                {
                    ["id"] = order.Id,
                    ["order_id"] = order.OrderId,
                    ["customer_id"] = order.CustomerId,
                    ["quantity"] = order.Quantity,
                    ["unit_price"] = order.UnitPrice,
                }
            );
            last = id;
        }
        return Results.Json(
            new JsonObject
            {
                ["orders"] = orders,
                ["next_page"] =
                    last < count
                        ? "/orders?after=" + last.ToString(CultureInfo.InvariantCulture)
                        : null,
            }
        );
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
