using System.Text.Json;
using KConnector.Converters;
using KConnector.Rest.Model;
using Microsoft.AspNetCore.Http;

namespace KConnector.Rest.Endpoints;

// Kafka Connect's ConnectorPluginsResource: the plugins, a plugin's keys (KIP-769) and validation.
internal sealed partial class ConnectRestApi
{
    // The converters KConnector's workers take by Kafka Connect's class names (ConverterFactory).
    private static readonly string[] Converters =
    [
        ConverterFactory.AvroConverterClass,
        ConverterFactory.ByteArrayConverterClass,
        ConverterFactory.JsonConverterClass,
        ConverterFactory.JsonSchemaConverterClass,
        ConverterFactory.ProtobufConverterClass,
        ConverterFactory.StringConverterClass,
    ];

    private IReadOnlyList<ConnectorPlugin> Plugins => _factory?.Plugins ?? [];

    public IResult ListPlugins(bool? connectorsOnly)
    {
        var version = typeof(ConnectRestApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plugins = Plugins
            .Select(p => new PluginInfo(p.ClassName, ConnectorJson.Type(p.IsSink), p.Version))
            .OrderBy(p => p.Class, StringComparer.Ordinal)
            .ToList();
        if (connectorsOnly == false)
        {
            plugins.AddRange(Converters.Select(c => new PluginInfo(c, "converter", version)));
            plugins.Add(
                new PluginInfo(
                    ConverterFactory.SimpleHeaderConverterClass,
                    "header_converter",
                    version
                )
            );
        }
        return Results.Json(plugins, KafkaConnectJsonContext.Default.ListPluginInfo);
    }

    public IResult PluginConfig(string plugin)
    {
        var found = Plugins.FirstOrDefault(p => p.IsNamed(plugin));
        if (found is null)
        {
            return RestErrors.NotFound($"Unknown plugin {plugin}.");
        }
        var keys = found.Definition.Keys;
        var infos = keys.Select(k =>
                ConfigInfosBuilder.Definition(
                    k,
                    keys.Where(o => o.Group == k.Group).ToList().IndexOf(k) + 1
                )
            )
            .ToList();
        return Results.Json(infos, KafkaConnectJsonContext.Default.ListConfigKeyInfo);
    }

    // PUT /connector-plugins/{type}/config/validate: 200 with the ConfigInfos whatever the
    // verdict (error_count says it), 400 when the body names another connector.class.
    public async Task<IResult> ValidateAsync(
        string plugin,
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var config = ConnectorJson.Config(
            await ReadConfigAsync(request, cancellationToken).ConfigureAwait(false)
        );
        var found = Plugins.FirstOrDefault(p => p.IsNamed(plugin));
        if (found is null)
        {
            return RestErrors.BadRequest(
                $"Failed to find any class that implements Connector and which name matches {plugin}"
            );
        }
        if (config.TryGetValue("connector.class", out var given) && !found.IsNamed(given))
        {
            return RestErrors.BadRequest(
                $"Included connector type {given} does not match request type {plugin}"
            );
        }
        config["connector.class"] = given ?? found.ClassName;
        var issues = Factory.Validate(config);
        return Results.Json(
            ConfigInfosBuilder.Build(found, config, issues),
            KafkaConnectJsonContext.Default.ConfigInfos
        );
    }
}
