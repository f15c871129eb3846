using KConnector.Plugins;

namespace KConnector.Transforms;

/// <summary>
/// The transforms and predicates a worker can create by name (<c>transforms.&lt;alias&gt;.type</c>,
/// <c>predicates.&lt;alias&gt;.type</c>). The aliases repeat each descriptor's <c>[ConnectPlugin]</c>
/// (read by the generator from metadata; the runtime reads no attributes): a test checks both agree.
/// </summary>
internal static class TransformPlugins
{
    private const string Transforms = "org.apache.kafka.connect.transforms.";
    private const string Predicates = "org.apache.kafka.connect.transforms.predicates.";

    private static readonly Lock Gate = new();
    private static IReadOnlyList<TransformPlugin> _registered = [];

    /// <summary>The built-ins, then those registered through <see cref="TransformationPlugins"/>.</summary>
    public static IReadOnlyList<TransformPlugin> All =>
        Volatile.Read(ref _registered) is { Count: > 0 } registered
            ? [.. BuiltIn, .. registered]
            : BuiltIn;

    public static IReadOnlyList<TransformPlugin> BuiltIn { get; } =
    [
        Transformation(typeof(RegexRouter), RegexRouter.Definition, RegexRouter.Create),
        Transformation(typeof(TimestampRouter), TimestampRouter.Definition, TimestampRouter.Create),
        Transformation(typeof(InsertHeader), InsertHeader.Definition, InsertHeader.Create),
        Transformation(typeof(DropHeaders), DropHeaders.Definition, DropHeaders.Create),
        Transformation(typeof(Filter), Filter.Definition, Filter.Create),
        Variant(typeof(InsertFieldKey), InsertFieldKey.Definition, InsertFieldKey.Create),
        Variant(typeof(InsertFieldValue), InsertFieldValue.Definition, InsertFieldValue.Create),
        Variant(typeof(ReplaceFieldKey), ReplaceFieldKey.Definition, ReplaceFieldKey.Create),
        Variant(typeof(ReplaceFieldValue), ReplaceFieldValue.Definition, ReplaceFieldValue.Create),
        Variant(typeof(MaskFieldKey), MaskFieldKey.Definition, MaskFieldKey.Create),
        Variant(typeof(MaskFieldValue), MaskFieldValue.Definition, MaskFieldValue.Create),
        Variant(typeof(HoistFieldKey), HoistFieldKey.Definition, HoistFieldKey.Create),
        Variant(typeof(HoistFieldValue), HoistFieldValue.Definition, HoistFieldValue.Create),
        Variant(typeof(ExtractFieldKey), ExtractFieldKey.Definition, ExtractFieldKey.Create),
        Variant(typeof(ExtractFieldValue), ExtractFieldValue.Definition, ExtractFieldValue.Create),
        Variant(
            typeof(SetSchemaMetadataKey),
            SetSchemaMetadataKey.Definition,
            SetSchemaMetadataKey.Create
        ),
        Variant(
            typeof(SetSchemaMetadataValue),
            SetSchemaMetadataValue.Definition,
            SetSchemaMetadataValue.Create
        ),
        Variant(typeof(FlattenKey), FlattenKey.Definition, FlattenKey.Create),
        Variant(typeof(FlattenValue), FlattenValue.Definition, FlattenValue.Create),
        Variant(typeof(CastKey), CastKey.Definition, CastKey.Create),
        Variant(typeof(CastValue), CastValue.Definition, CastValue.Create),
        Variant(
            typeof(TimestampConverterKey),
            TimestampConverterKey.Definition,
            TimestampConverterKey.Create
        ),
        Variant(
            typeof(TimestampConverterValue),
            TimestampConverterValue.Definition,
            TimestampConverterValue.Create
        ),
        Variant(typeof(HeaderFromKey), HeaderFromKey.Definition, HeaderFromKey.Create),
        Variant(typeof(HeaderFromValue), HeaderFromValue.Definition, HeaderFromValue.Create),
        Transformation(typeof(ValueToKey), ValueToKey.Definition, ValueToKey.Create),
        Predicate(typeof(TopicNameMatches), TopicNameMatches.Definition, TopicNameMatches.Create),
        Predicate(typeof(HasHeaderKey), HasHeaderKey.Definition, HasHeaderKey.Create),
        Predicate(
            typeof(RecordIsTombstone),
            RecordIsTombstone.Definition,
            RecordIsTombstone.Create
        ),
    ];

    /// <summary>
    /// Adds <paramref name="plugin"/>. The same descriptor class again (the same assembly, or a copy
    /// loaded into another load context, as a host that compiles specs at run time does) replaces
    /// the earlier one; another class under a taken name is refused.
    /// </summary>
    public static void Register(TransformPlugin plugin)
    {
        lock (Gate)
        {
            var others = _registered
                .Where(p =>
                    p.Kind != plugin.Kind || p.Descriptor.FullName != plugin.Descriptor.FullName
                )
                .ToList();
            var taken = plugin.Names.FirstOrDefault(n =>
                BuiltIn.Concat(others).Any(p => p.Kind == plugin.Kind && p.IsNamed(n))
            );
            if (taken is not null)
            {
                throw new ArgumentException(
                    $"The {plugin.Kind} name '{taken}' of {plugin.Descriptor.FullName} is taken by another plugin."
                );
            }
            Volatile.Write(ref _registered, [.. others, plugin]);
        }
    }

    public static TransformPlugin? Find(string name, PluginKind kind) =>
        All.FirstOrDefault(p => p.Kind == kind && p.IsNamed(name));

    // The descriptors follow one rule: KConnector.Transforms.X, with aliases X and Kafka Connect's class.
    private static TransformPlugin Transformation(
        Type descriptor,
        Configuration.ConfigDefinition definition,
        Func<Configuration.ParsedConfig, ITransformation> create
    ) =>
        new(
            descriptor,
            PluginKind.Transformation,
            definition,
            [descriptor.Name, Transforms + descriptor.Name],
            CreateTransformation: create
        );

    // A field-level pair: KConnector.Transforms.XKey / XValue, with aliases X$Key and Kafka Connect's class X$Key.
    private static TransformPlugin Variant(
        Type descriptor,
        Configuration.ConfigDefinition definition,
        Func<Configuration.ParsedConfig, ITransformation> create
    )
    {
        var part = descriptor.Name.EndsWith("Key", StringComparison.Ordinal) ? "Key" : "Value";
        var name = descriptor.Name[..^part.Length] + "$" + part;
        return new(
            descriptor,
            PluginKind.Transformation,
            definition,
            [name, Transforms + name],
            CreateTransformation: create
        );
    }

    private static TransformPlugin Predicate(
        Type descriptor,
        Configuration.ConfigDefinition definition,
        Func<Configuration.ParsedConfig, IPredicate> create
    ) =>
        new(
            descriptor,
            PluginKind.Predicate,
            definition,
            [descriptor.Name, Predicates + descriptor.Name],
            CreatePredicate: create
        );
}
