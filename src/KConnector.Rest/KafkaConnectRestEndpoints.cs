using KConnector.Hosting;
using KConnector.Rest.Endpoints;
using KConnector.Rest.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KConnector.Rest;

/// <summary>Maps Kafka Connect's REST API onto an ASP.NET Core app: <c>app.MapKafkaConnectRestApi()</c>.</summary>
public static class KafkaConnectRestEndpoints
{
    /// <summary>
    /// Serves Kafka Connect's REST API (docs/rest-api.md lists every endpoint) over the worker that
    /// <see cref="KafkaConnectRestServiceCollectionExtensions.AddKafkaConnectRestApi"/> registered,
    /// plus <c>/health/live</c> and <c>/health/ready</c>. Errors answer Connect's
    /// <c>{"error_code", "message"}</c>; with basic-auth users configured every endpoint answers 401
    /// without valid credentials.
    /// </summary>
    public static RouteGroupBuilder MapKafkaConnectRestApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<
            IOptions<KafkaConnectRestOptions>
        >();
        var api = endpoints.MapGroup(string.Empty);
        api.AddEndpointFilter(
            async (context, next) =>
            {
                if (
                    !BasicAuthentication.IsAuthorized(
                        context.HttpContext.Request,
                        options.Value.BasicAuthUsers
                    )
                )
                {
                    return BasicAuthentication.Challenge(context.HttpContext);
                }
                RequestForwarder.KeepBody(context.HttpContext.Request);
                try
                {
                    return await next(context).ConfigureAwait(false);
                }
                catch (RequestTargetException e)
                {
                    // Distributed workers: another worker completes it (docs/distributed.md).
                    return await context
                        .HttpContext.RequestServices.GetRequiredService<RequestForwarder>()
                        .ForwardAsync(context.HttpContext, e, context.HttpContext.RequestAborted)
                        .ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return RestErrors.From(e);
                }
            }
        );
        MapConnectors(api);
        MapControl(api);
        MapPlugins(api);
        api.MapGet("/admin/loggers", (LoggerLevels levels) => ConnectRestApi.Loggers(levels));
        api.MapGet(
            "/admin/loggers/{logger}",
            (string logger, LoggerLevels levels) => ConnectRestApi.Logger(logger, levels)
        );
        api.MapPut(
            "/admin/loggers/{logger}",
            (string logger, LoggerLevels levels, HttpRequest request, CancellationToken ct) =>
                ConnectRestApi.SetLoggerAsync(logger, levels, request, ct)
        );
        api.MapGet("/health/live", () => ConnectRestApi.Live());
        api.MapGet("/health/ready", (ConnectRestApi a) => a.Ready());
        MapMetrics(endpoints, options);
        return api;
    }

    // GET /metrics in Prometheus' text format, when metrics.prometheus.enable asks for it
    // (AddKafkaConnectMetrics), behind the same basic authentication as every other endpoint.
    private static void MapMetrics(
        IEndpointRouteBuilder endpoints,
        IOptions<KafkaConnectRestOptions> options
    )
    {
        if (
            endpoints.ServiceProvider.GetService<MetricsExportSettings>()
            is not { Prometheus: true }
        )
        {
            return;
        }
        endpoints.MapPrometheusScrapingEndpoint(
            "/metrics",
            meterProvider: null,
            configureBranchedPipeline: branch =>
                branch.Use(
                    async (context, next) =>
                    {
                        if (
                            BasicAuthentication.IsAuthorized(
                                context.Request,
                                options.Value.BasicAuthUsers
                            )
                        )
                        {
                            await next(context).ConfigureAwait(false);
                            return;
                        }
                        await BasicAuthentication
                            .Challenge(context)
                            .ExecuteAsync(context)
                            .ConfigureAwait(false);
                    }
                ),
            optionsName: null
        );
    }

    private static void MapConnectors(RouteGroupBuilder api)
    {
        api.MapGet("/", (ConnectRestApi a, CancellationToken ct) => a.RootAsync(ct));
        api.MapGet("/connectors", (ConnectRestApi a, HttpRequest request) => a.List(request));
        api.MapPost(
            "/connectors",
            (ConnectRestApi a, HttpRequest request, CancellationToken ct) =>
                a.CreateAsync(request, ct)
        );
        api.MapGet("/connectors/{name}", (string name, ConnectRestApi a) => a.Get(name));
        api.MapDelete(
            "/connectors/{name}",
            (string name, ConnectRestApi a, CancellationToken ct) => a.DeleteAsync(name, ct)
        );
        api.MapGet(
            "/connectors/{name}/config",
            (string name, ConnectRestApi a) => a.GetConfig(name)
        );
        api.MapPut(
            "/connectors/{name}/config",
            (string name, ConnectRestApi a, HttpRequest request, CancellationToken ct) =>
                a.PutConfigAsync(name, request, ct)
        );
        api.MapPatch(
            "/connectors/{name}/config",
            (string name, ConnectRestApi a, HttpRequest request, CancellationToken ct) =>
                a.PatchConfigAsync(name, request, ct)
        );
        api.MapGet("/connectors/{name}/status", (string name, ConnectRestApi a) => a.Status(name));
        api.MapGet("/connectors/{name}/tasks", (string name, ConnectRestApi a) => a.Tasks(name));
        api.MapGet(
            "/connectors/{name}/tasks/{task:int}/status",
            (string name, int task, ConnectRestApi a) => a.TaskStatus(name, task)
        );
        api.MapGet(
            "/connectors/{name}/offsets",
            (string name, ConnectRestApi a, CancellationToken ct) => a.GetOffsetsAsync(name, ct)
        );
        api.MapPatch(
            "/connectors/{name}/offsets",
            (string name, ConnectRestApi a, HttpRequest request, CancellationToken ct) =>
                a.AlterOffsetsAsync(name, request, ct)
        );
        api.MapDelete(
            "/connectors/{name}/offsets",
            (string name, ConnectRestApi a, CancellationToken ct) => a.ResetOffsetsAsync(name, ct)
        );
        api.MapGet("/connectors/{name}/topics", (string name, ConnectRestApi a) => a.Topics(name));
        api.MapPut(
            "/connectors/{name}/topics/reset",
            (string name, ConnectRestApi a) => a.ResetTopics(name)
        );
    }

    private static void MapControl(RouteGroupBuilder api)
    {
        api.MapPut("/connectors/{name}/pause", (string name, ConnectRestApi a) => a.Pause(name));
        api.MapPut("/connectors/{name}/resume", (string name, ConnectRestApi a) => a.Resume(name));
        api.MapPut(
            "/connectors/{name}/stop",
            (string name, ConnectRestApi a, CancellationToken ct) => a.StopAsync(name, ct)
        );
        api.MapPost(
            "/connectors/{name}/restart",
            (
                string name,
                bool? includeTasks,
                bool? onlyFailed,
                ConnectRestApi a,
                CancellationToken ct
            ) => a.RestartAsync(name, includeTasks, onlyFailed, ct)
        );
        api.MapPost(
            "/connectors/{name}/tasks/{task:int}/restart",
            (string name, int task, ConnectRestApi a, CancellationToken ct) =>
                a.RestartTaskAsync(name, task, ct)
        );
    }

    private static void MapPlugins(RouteGroupBuilder api)
    {
        api.MapGet(
            "/connector-plugins",
            (bool? connectorsOnly, ConnectRestApi a) => a.ListPlugins(connectorsOnly)
        );
        api.MapGet(
            "/connector-plugins/{plugin}/config",
            (string plugin, ConnectRestApi a) => a.PluginConfig(plugin)
        );
        api.MapPut(
            "/connector-plugins/{plugin}/config/validate",
            (string plugin, ConnectRestApi a, HttpRequest request, CancellationToken ct) =>
                a.ValidateAsync(plugin, request, ct)
        );
    }
}
