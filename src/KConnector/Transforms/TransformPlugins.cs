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

    public static IReadOnlyList<TransformPlugin> All { get; } =
    [
        Transformation(typeof(RegexRouter), RegexRouter.Definition, RegexRouter.Create),
        Transformation(typeof(TimestampRouter), TimestampRouter.Definition, TimestampRouter.Create),
        Transformation(typeof(InsertHeader), InsertHeader.Definition, InsertHeader.Create),
        Transformation(typeof(DropHeaders), DropHeaders.Definition, DropHeaders.Create),
        Transformation(typeof(Filter), Filter.Definition, Filter.Create),
        Predicate(typeof(TopicNameMatches), TopicNameMatches.Definition, TopicNameMatches.Create),
        Predicate(typeof(HasHeaderKey), HasHeaderKey.Definition, HasHeaderKey.Create),
        Predicate(
            typeof(RecordIsTombstone),
            RecordIsTombstone.Definition,
            RecordIsTombstone.Create
        ),
    ];

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
