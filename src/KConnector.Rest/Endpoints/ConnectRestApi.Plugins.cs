using System.Text.Json;
using KConnector.Converters.Plugins;
using KConnector.Plugins;
using KConnector.Rest.Model;
using Microsoft.AspNetCore.Http;

namespace KConnector.Rest.Endpoints;

// Kafka Connect's ConnectorPluginsResource: the plugins, a plugin's keys (KIP-769) and validation.
internal sealed partial class ConnectRestApi
{
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
            // The worker's converters, then its header converters, from their descriptors: as in
            // Kafka Connect, a converter that also converts headers (StringConverter,
            // ByteArrayConverter) is listed under both types.
            plugins.AddRange(Listed(ConverterPlugins.Converters, "converter", version));
            plugins.AddRange(
                Listed(ConverterPlugins.HeaderConverters, "header_converter", version)
            );
        }
        return Results.Json(plugins, KafkaConnectJsonContext.Default.ListPluginInfo);
    }

    private static IEnumerable<PluginInfo> Listed(
        IEnumerable<ConverterPlugin> converters,
        string type,
        string version
    ) =>
        converters
            .OrderBy(c => c.ClassName, StringComparer.Ordinal)
            .Select(c => new PluginInfo(c.ClassName, type, version));

    public IResult PluginConfig(string plugin)
    {
        // KIP-769 answers for any plugin: a connector's keys, or a converter's own settings.
        var keys =
            Plugins.FirstOrDefault(p => p.IsNamed(plugin))?.Definition.Keys
            ?? ConverterPlugins.All.FirstOrDefault(p => p.IsNamed(plugin))?.Definition.Keys;
        if (keys is null)
        {
            return RestErrors.NotFound($"Unknown plugin {plugin}.");
        }
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
