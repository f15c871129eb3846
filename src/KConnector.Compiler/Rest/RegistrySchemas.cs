using KConnector.Configuration;
using KConnector.Errors;
using KConnector.SchemaRegistry;
using KConnector.Transforms;

namespace KConnector.Compiler.Rest;

/// <summary>
/// The record types of a connector created over REST from the Schema Registry: a key or value
/// whose converter is Confluent's AvroConverter with a <c>schema.registry.url</c> and no
/// <c>key.schema</c> / <c>value.schema</c> takes the latest schema of its topic's subject
/// (<c>{topic}-key</c> / <c>{topic}-value</c>, Confluent's TopicNameStrategy), fetched when the
/// connector is created (and again at each start of the worker), written to a file and compiled
/// as <c>kconnector run</c> compiles a schema file. So the record type is the registry's schema,
/// known at creation: a schema registered later is read at the next create or restart. A source
/// key its chain makes from the value (ValueToKey) is not looked up: the compiled chain derives it.
/// </summary>
internal static class RegistrySchemas
{
    private const string AvroConverter = "io.confluent.connect.avro.AvroConverter";
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <paramref name="config"/> with <c>key.schema</c> / <c>value.schema</c> naming the files the
    /// registry's schemas were written to, under <paramref name="folder"/>; unchanged when no
    /// schema comes from the registry. A subject the registry does not have (or a registry that
    /// does not answer) throws a <see cref="ConfigValidationException"/> naming the URL key.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Resolve(
        IReadOnlyDictionary<string, string> config,
        string folder
    )
    {
        Dictionary<string, string>? resolved = null;
        foreach (var role in (string[])["key", "value"])
        {
            if (Fetch(config, role) is not { } schema)
            {
                continue;
            }
            var name = config.GetValueOrDefault("name") ?? "connector";
            var directory = Path.Combine(folder, SafeName(name), role);
            // Only this schema beside it: the spec compiles every .avsc of its folder.
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
            Directory.CreateDirectory(directory);
            var file = Path.Combine(
                directory,
                $"{SafeName(schema.Subject)}-v{schema.Version}.avsc"
            );
            File.WriteAllText(file, schema.Schema.SchemaString);
            resolved ??= new Dictionary<string, string>(config, StringComparer.Ordinal);
            resolved[role + ".schema"] = file;
        }
        return resolved ?? config;
    }

    private static RegisteredSchema? Fetch(IReadOnlyDictionary<string, string> config, string role)
    {
        var prefix = role + ".converter.";
        var urlKey = prefix + SchemaRegistryConfig.UrlKey;
        if (
            config.GetValueOrDefault(role + ".schema") is { Length: > 0 }
            || config.GetValueOrDefault(role + ".converter") != AvroConverter
            || config.GetValueOrDefault(urlKey) is not { Length: > 0 } url
            || Topic(config) is not { } topic
            || (role == "key" && KeyMadeByChain(config))
        )
        {
            return null;
        }
        var subject = $"{topic}-{role}";
        var registryConfig = config
            .Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value, StringComparer.Ordinal);
        RegisteredSchema latest;
        try
        {
            using var client = new CachedSchemaRegistryClient(registryConfig);
            using var timeout = new CancellationTokenSource(FetchTimeout);
            latest = client
                .GetLatestSchemaAsync(subject, timeout.Token)
                .AsTask()
                .GetAwaiter()
                .GetResult();
        }
        catch (Exception e)
            when (e is SchemaRegistryException or HttpRequestException or OperationCanceledException
            )
        {
            throw Refused(
                config,
                urlKey,
                $"no schema of subject {subject} could be read from the Schema Registry at {UrlRedaction.RedactIn(url)} ({UrlRedaction.RedactIn(e.Message)}): register the {role} schema there, or name a schema file in {role}.schema"
            );
        }
        if (latest.Schema.SchemaType != SchemaType.Avro)
        {
            throw Refused(
                config,
                urlKey,
                $"the latest schema of subject {subject} is {latest.Schema.SchemaTypeName}, not AVRO: the AvroConverter needs an Avro schema"
            );
        }
        return latest;
    }

    // A connector whose chain makes the key from the value (ValueToKey): the spec's compiled chain
    // derives the key's schema from the value's, as `kconnector run` compiles it (a source
    // registers it under {topic}-key; a sink's key converter never reads the topic's key); there
    // is nothing to look up.
    private static bool KeyMadeByChain(IReadOnlyDictionary<string, string> config)
    {
        try
        {
            return TransformationsConfig.Parse(config).MakesKeyFromValue;
        }
        catch (ConfigException)
        {
            // The connector's own validation names the faulty transforms key.
            return false;
        }
    }

    // The topic a source writes (topic) or the first a sink reads (topics): its subject names the schema.
    private static string? Topic(IReadOnlyDictionary<string, string> config) =>
        config.GetValueOrDefault("topic") is { Length: > 0 } topic
            ? topic
            : config
                .GetValueOrDefault("topics")
                ?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault();

    private static ConfigValidationException Refused(
        IReadOnlyDictionary<string, string> config,
        string key,
        string message
    ) => new(config.GetValueOrDefault("name") ?? "connector", [new ConfigIssue(key, message)]);

    private static string SafeName(string name) =>
        string.Concat(
            name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')
        );
}
