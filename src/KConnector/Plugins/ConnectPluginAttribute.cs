namespace KConnector.Plugins;

/// <summary>
/// Makes a <c>public static partial class</c> the descriptor of a plugin, kept in the plugin's own
/// assembly: its Kafka Connect class name and aliases, its kind, and (with <see cref="ConfigKeyAttribute"/>s
/// on the same class) its config definition. Kafka Connect's <c>PluginDesc</c> plus the plugin's
/// <c>ConfigDef</c>, written once.
/// </summary>
/// <remarks>
/// The generator reads it twice: on the plugin's project it writes the class's
/// <c>public static ConfigDefinition Definition</c> (no reflection at run time); on a project that
/// references the plugin's assembly it reads the attribute from metadata, so a spec may name the plugin
/// by class or alias (a third-party package works with no change to KConnector). A connector's
/// descriptor also has a <c>public static</c> method <c>CreateTask</c> the generated worker calls:
/// generic in the key and value types (or the value type only), taking any of
/// <c>IReadOnlyDictionary&lt;string, string?&gt; config</c>, <c>RecordAccessor&lt;TKey&gt; key</c>,
/// <c>RecordAccessor&lt;TValue&gt; value</c> and <c>ILogger logger</c>, by those names.
/// </remarks>
/// <param name="className">The canonical class name a config's <c>connector.class</c> (or <c>key.converter</c>...) gives.</param>
/// <param name="kind">What the plugin is.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConnectPluginAttribute(string className, PluginKind kind) : Attribute
{
    /// <summary>The canonical class name.</summary>
    public string ClassName { get; } = className;

    /// <summary>What the plugin is.</summary>
    public PluginKind Kind { get; } = kind;

    /// <summary>Other names a config may give (Kafka Connect's short names, the Java class names it stands in for).</summary>
    public string[] Aliases { get; set; } = [];

    /// <summary>One sentence on what the plugin does, for <c>kconnector describe</c>.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>
    /// Whether the value must be a generated record (its task writes or maps fields), so a spec must give
    /// <c>value.schema</c>; but a sink whose task writes values as JSON (<see cref="Json.IJsonRecord{TSelf}"/>,
    /// no record accessors) takes schemaless JSON (<see cref="Json.SchemalessJson"/>) when its spec names
    /// the JsonConverter and no <c>value.schema</c>.
    /// </summary>
    public bool ValueMustBeRecord { get; set; }

    /// <summary>Whether <c>key.schema</c> may name a record; false: keys are strings (a source that only produces values).</summary>
    public bool KeyMayBeRecord { get; set; } = true;

    /// <summary>
    /// The value type a spec's worker gives the task when the spec names no <c>value.schema</c> and its
    /// <c>value.converter</c> is one the type converts itself (an <see cref="Converters.IConverterFormatsProvider{TSelf}"/>:
    /// a CDC source whose tables' schemas are known only at run time registers them through the
    /// converter's Schema Registry client). Null: such a spec's value is a string.
    /// </summary>
    public Type? ValueType { get; set; }

    /// <summary>
    /// Whether it runs one task whatever <c>tasks.max</c> says: a source reading one file, endpoint or
    /// table cannot split its work (Kafka Connect's FileStreamSourceConnector returns one task config).
    /// </summary>
    public bool SingleTask { get; set; }

    /// <summary>
    /// A transformation that works on schemaless structured keys and values only
    /// (<c>System.Text.Json.Nodes.JsonNode</c>, Kafka Connect's schemaless Map): Kafka Connect's
    /// field-level transforms until their typed path is built. A spec's generated worker has typed,
    /// string or <see cref="Json.SchemalessJson"/> keys and values, none a <c>JsonNode</c>, so a spec
    /// naming one fails the build (KCN0250).
    /// </summary>
    public bool SchemalessRecordsOnly { get; set; }

    /// <summary>
    /// For a converter or header converter: the key and value types it can carry. The generator
    /// checks a spec's <c>key.converter</c> / <c>value.converter</c> against it, and picks, for a type
    /// no converter is named for, the converter that carries the fewest kinds of types among those
    /// that carry it (the most specific: AvroConverter for an .avsc record, StringConverter for a string).
    /// </summary>
    public ConverterRecordTypes Carries { get; set; }

    /// <summary>
    /// For a converter: it is also a header converter (Kafka Connect's StringConverter,
    /// ByteArrayConverter and JsonConverter implement <c>HeaderConverter</c> too), so
    /// <c>header.converter</c> may name it.
    /// </summary>
    public bool AlsoHeaderConverter { get; set; }
}
