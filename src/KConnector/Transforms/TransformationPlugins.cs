using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Transforms;

/// <summary>
/// Adds transformations and predicates other than the built-ins to the ones a worker creates by
/// name (<c>transforms.&lt;alias&gt;.type</c>, <c>predicates.&lt;alias&gt;.type</c>): Kafka Connect's
/// plugin scan, done at build time. The generator calls it, from a module initializer of the
/// project that compiles specs, for each <c>[ConnectPlugin]</c> transformation or predicate of the
/// assemblies it references; a hosted worker may call it for its own. Registering the same
/// descriptor again does nothing.
/// </summary>
public static class TransformationPlugins
{
    /// <summary>Adds a transformation found by <paramref name="className"/> or one of <paramref name="aliases"/>.</summary>
    /// <exception cref="ArgumentException">Another plugin already answers to one of the names.</exception>
    public static void RegisterTransformation(
        Type descriptor,
        string className,
        IReadOnlyList<string> aliases,
        ConfigDefinition definition,
        Func<ParsedConfig, ITransformation> create
    )
    {
        ArgumentNullException.ThrowIfNull(create);
        TransformPlugins.Register(
            Plugin(descriptor, className, aliases, definition, PluginKind.Transformation) with
            {
                CreateTransformation = create,
            }
        );
    }

    /// <summary>Adds a predicate found by <paramref name="className"/> or one of <paramref name="aliases"/>.</summary>
    /// <exception cref="ArgumentException">Another plugin already answers to one of the names.</exception>
    public static void RegisterPredicate(
        Type descriptor,
        string className,
        IReadOnlyList<string> aliases,
        ConfigDefinition definition,
        Func<ParsedConfig, IPredicate> create
    )
    {
        ArgumentNullException.ThrowIfNull(create);
        TransformPlugins.Register(
            Plugin(descriptor, className, aliases, definition, PluginKind.Predicate) with
            {
                CreatePredicate = create,
            }
        );
    }

    private static TransformPlugin Plugin(
        Type descriptor,
        string className,
        IReadOnlyList<string> aliases,
        ConfigDefinition definition,
        PluginKind kind
    )
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentException.ThrowIfNullOrWhiteSpace(className);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(definition);
        return new TransformPlugin(
            descriptor,
            kind,
            definition,
            [.. aliases],
            ClassNameOverride: className
        );
    }
}
