using KConnector.Converters.Headers;
using KConnector.SchemaRegistry;

namespace KConnector.Converters;

/// <summary>
/// Builds a converter from its Kafka Connect class name and config, as a worker reads
/// <c>key.converter</c> / <c>value.converter</c> and their <c>key.converter.*</c> /
/// <c>value.converter.*</c> settings: each converter is created by its descriptor
/// (<see cref="Plugins.ConverterPlugins"/>: the built-ins and those a package registers). Built in:
/// <c>io.confluent.connect.avro.AvroConverter</c>, <c>io.confluent.connect.protobuf.ProtobufConverter</c>,
/// <c>io.confluent.connect.json.JsonSchemaConverter</c>, <c>org.apache.kafka.connect.json.JsonConverter</c>,
/// <c>org.apache.kafka.connect.storage.StringConverter</c>, <c>org.apache.kafka.connect.converters.ByteArrayConverter</c>;
/// for <c>header.converter</c>, <c>org.apache.kafka.connect.storage.SimpleHeaderConverter</c>.
/// </summary>
public static class ConverterFactory
{
    /// <summary><c>io.confluent.connect.avro.AvroConverter</c>.</summary>
    public const string AvroConverterClass = "io.confluent.connect.avro.AvroConverter";

    /// <summary><c>io.confluent.connect.protobuf.ProtobufConverter</c>.</summary>
    public const string ProtobufConverterClass = "io.confluent.connect.protobuf.ProtobufConverter";

    /// <summary><c>io.confluent.connect.json.JsonSchemaConverter</c>.</summary>
    public const string JsonSchemaConverterClass = "io.confluent.connect.json.JsonSchemaConverter";

    /// <summary><c>org.apache.kafka.connect.json.JsonConverter</c>.</summary>
    public const string JsonConverterClass = "org.apache.kafka.connect.json.JsonConverter";

    /// <summary><c>org.apache.kafka.connect.storage.StringConverter</c>.</summary>
    public const string StringConverterClass = "org.apache.kafka.connect.storage.StringConverter";

    /// <summary><c>org.apache.kafka.connect.converters.ByteArrayConverter</c>.</summary>
    public const string ByteArrayConverterClass =
        "org.apache.kafka.connect.converters.ByteArrayConverter";

    /// <summary><c>org.apache.kafka.connect.storage.SimpleHeaderConverter</c>.</summary>
    public const string SimpleHeaderConverterClass =
        "org.apache.kafka.connect.storage.SimpleHeaderConverter";

    /// <summary>
    /// Builds the key (<paramref name="isKey"/>) or value converter a worker config names: the class in
    /// <c>key.converter</c> / <c>value.converter</c>, configured by the keys under that prefix.
    /// </summary>
    /// <exception cref="ArgumentException">The class is missing, unknown, or cannot convert <typeparamref name="T"/>; the message names the key.</exception>
    public static IConverter<T> FromWorkerConfig<T>(
        IReadOnlyDictionary<string, string> workerConfig,
        bool isKey,
        ConverterFormats<T> formats
    )
    {
        ArgumentNullException.ThrowIfNull(workerConfig);
        var key = isKey ? "key.converter" : "value.converter";
        if (
            !workerConfig.TryGetValue(key, out var className)
            || string.IsNullOrWhiteSpace(className)
        )
        {
            throw new ArgumentException(
                $"'{key}' is required: the converter's class name, e.g. {AvroConverterClass}."
            );
        }
        var prefix = key + ".";
        var config = workerConfig
            .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Key[prefix.Length..], e => e.Value, StringComparer.Ordinal);
        return Create(className, config, isKey, formats);
    }

    /// <summary>Builds the converter <paramref name="className"/> names, configured by <paramref name="config"/> (keys without prefix).</summary>
    /// <exception cref="ArgumentException">The class is unknown or cannot convert <typeparamref name="T"/>; the message names <c>key.converter</c> or <c>value.converter</c>.</exception>
    public static IConverter<T> Create<T>(
        string className,
        IReadOnlyDictionary<string, string> config,
        bool isKey,
        ConverterFormats<T> formats
    ) => Create(className, config, isKey, formats, resources: null);

    /// <summary>
    /// Builds the converter <paramref name="className"/> names, as
    /// <see cref="Create{T}(string, IReadOnlyDictionary{string, string}, bool, ConverterFormats{T})"/>;
    /// the Schema Registry client it creates is owned by <paramref name="resources"/> (disposed when
    /// the task that uses the converter stops), or by nobody when it is null.
    /// </summary>
    public static IConverter<T> Create<T>(
        string className,
        IReadOnlyDictionary<string, string> config,
        bool isKey,
        ConverterFormats<T> formats,
        Worker.TaskResources? resources
    )
    {
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(formats);
        var key = isKey ? "key.converter" : "value.converter";
        var plugin =
            Plugins.ConverterPlugins.FindConverter(className)
            ?? throw new ArgumentException(
                $"'{key}' is '{className}', which is not a known converter class; expected one of {string.Join(", ", Plugins.ConverterPlugins.Converters.Select(p => p.ClassName))}."
            );
        var context = new ConverterContext<T>(
            plugin.ClassName,
            config,
            isKey,
            formats,
            resources,
            plugin.Definition
        );
        return plugin.Creator!.Create(context)
            ?? throw new ArgumentException(
                $"'{key}' is '{className}', which cannot convert {typeof(T).Name}: the type has no such codec (see ConverterFormats)."
            );
    }

    /// <summary>
    /// The full class name <paramref name="name"/> stands for: a class name, or an alias of its
    /// descriptor (the simple name <c>AvroConverter</c> or short alias <c>Avro</c> Kafka Connect's
    /// plugin loader also accepts), in any case; an unknown name comes back trimmed.
    /// </summary>
    public static string ClassNameOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Plugins.ConverterPlugins.FindConverter(name)?.ClassName ?? name.Trim();
    }

    /// <summary>Whether the converter <paramref name="className"/> names reads and writes schemas through a Schema Registry.</summary>
    public static bool UsesSchemaRegistry(string className) =>
        Plugins
            .ConverterPlugins.FindConverter(className)
            ?.Definition.Find(SchemaRegistryConfig.UrlKey)
            is not null;

    /// <summary>
    /// Builds the header converter <c>header.converter</c> names (class name or alias): the
    /// SimpleHeaderConverter when absent (Kafka Connect's default), or the StringConverter or
    /// ByteArrayConverter, which are header converters too.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a header converter's; the message names <c>header.converter</c> and the valid ones.</exception>
    public static IHeaderConverter CreateHeaderConverter(string? className)
    {
        if (string.IsNullOrWhiteSpace(className))
        {
            return Plugins.SimpleHeaderConverterPlugin.CreateHeaderConverter();
        }
        var plugin =
            Plugins.ConverterPlugins.FindHeaderConverter(className)
            ?? throw new ArgumentException(HeaderConverterError(className));
        return plugin.HeaderConverterCreator!();
    }

    /// <summary>Why <paramref name="className"/> is refused in <c>header.converter</c>, with the header converters there are.</summary>
    internal static string HeaderConverterError(string className) =>
        $"'header.converter' is '{className}', which is not a header converter; expected one of {string.Join(", ", Plugins.ConverterPlugins.HeaderConverters.Select(p => p.ClassName))}.";
}
