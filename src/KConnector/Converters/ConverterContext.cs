using KConnector.Converters.Json;
using KConnector.SchemaRegistry;

namespace KConnector.Converters;

/// <summary>
/// What a converter descriptor's <c>Create</c> member is given when a worker builds the converter a
/// config's <c>key.converter</c> / <c>value.converter</c> names (Kafka Connect's
/// <c>Converter.configure(configs, isKey)</c>): the settings under that key's prefix, whether it
/// serves keys, and the formats the task's type was compiled with.
/// </summary>
/// <typeparam name="T">The key or value type the task works with.</typeparam>
/// <remarks>
/// A descriptor of kind <see cref="KConnector.Plugins.PluginKind.Converter"/> has
/// <c>public static IConverter&lt;T&gt;? Create&lt;T&gt;(ConverterContext&lt;T&gt; context)</c>; it
/// returns null when it cannot convert <typeparamref name="T"/> (the worker then says so, naming the
/// key). The generator registers it from the descriptor; nothing is looked up by reflection.
/// </remarks>
public sealed class ConverterContext<T>
{
    private readonly Worker.TaskResources? _resources;

    internal ConverterContext(
        string className,
        IReadOnlyDictionary<string, string> config,
        bool isKey,
        ConverterFormats<T> formats,
        Worker.TaskResources? resources,
        Configuration.ConfigDefinition definition
    )
    {
        ClassName = className;
        Config = config;
        IsKey = isKey;
        Formats = formats;
        _resources = resources;
        Settings = ConverterConfig.From(ConverterConfig.OwnSettings(config, definition), isKey);
    }

    /// <summary>The converter's canonical class name (the config may have given an alias).</summary>
    public string ClassName { get; }

    /// <summary><c>key.converter</c> or <c>value.converter</c>: the key error messages name.</summary>
    public string ConverterKey => IsKey ? "key.converter" : "value.converter";

    /// <summary>Whether the converter serves record keys (Kafka Connect's <c>isKey</c>).</summary>
    public bool IsKey { get; }

    /// <summary>
    /// Every setting under <see cref="ConverterKey"/>'s prefix, the prefix removed, as Kafka Connect
    /// passes them to <c>configure</c>: settings meant for another converter included.
    /// </summary>
    public IReadOnlyDictionary<string, string> Config { get; }

    /// <summary>The common settings read from <see cref="Config"/> (<c>schemas.enable</c>, <c>converter.encoding</c>, subject strategies...).</summary>
    public ConverterConfig Settings { get; }

    /// <summary>The formats <typeparamref name="T"/> was compiled with (Avro, JSON Schema, Protobuf, Json codecs).</summary>
    public ConverterFormats<T> Formats { get; }

    /// <summary>
    /// <see cref="Config"/> read by the converter's own definition (its descriptor's generated
    /// <c>Definition</c>): settings it does not define are left out, as Kafka Connect's
    /// <c>AbstractConfig</c> ignores them.
    /// </summary>
    /// <exception cref="Configuration.ConfigValidationException">A setting breaks the definition's rules; the message names it.</exception>
    public Configuration.ParsedConfig Parse(Configuration.ConfigDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition
            .Parse(Config.ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal))
            .ThrowIfInvalid();
    }

    /// <summary>
    /// <paramref name="create"/>'s converter when <typeparamref name="T"/> is <typeparamref name="TCarried"/>,
    /// else null: how a converter of one type (string, byte[]) answers for the task's type.
    /// </summary>
    public IConverter<T>? Carrying<TCarried>(Func<IConverter<TCarried>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return typeof(T) == typeof(TCarried) ? (IConverter<T>)(object)create() : null;
    }

    /// <summary>
    /// A Schema Registry client for <c>schema.registry.url</c> and its auth settings, owned by the
    /// task (disposed when it stops).
    /// </summary>
    /// <exception cref="ArgumentException">No <c>schema.registry.url</c> is given; the message names the full key.</exception>
    public ISchemaRegistryClient SchemaRegistry()
    {
        if (!Config.ContainsKey(SchemaRegistryConfig.UrlKey))
        {
            throw new ArgumentException(
                $"'{ConverterKey}.{SchemaRegistryConfig.UrlKey}' is required by {ClassName} (use mock://scope for an in-memory registry)."
            );
        }
        var client = SchemaRegistryClientFactory.Create(Config);
        _resources?.Own(client);
        return client;
    }

    // The registry converters' shared step: the type's codec for the format, with a client.
    internal IConverter<T>? WithRegistry(
        Func<ISchemaRegistryClient, ConverterConfig, IConverter<T>>? create
    ) => create is null ? null : create(SchemaRegistry(), Settings);

    // JsonConverter: the type's own codec, or the one string, byte[] and JsonNode have.
    internal IJsonCodec<T>? JsonCodec() =>
        Formats.Json?.Invoke()
        ?? (
            typeof(T) == typeof(string) ? (IJsonCodec<T>)(object)StringJsonCodec.Instance
            : typeof(T) == typeof(byte[]) ? (IJsonCodec<T>)(object)BytesJsonCodec.Instance
            : typeof(T) == typeof(System.Text.Json.Nodes.JsonNode)
                ? (IJsonCodec<T>)(object)JsonNodeJsonCodec.Instance
            : null
        );
}
