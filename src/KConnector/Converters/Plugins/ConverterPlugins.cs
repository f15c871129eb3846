using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>
/// The converters and header converters a worker can create, each from its descriptor: what
/// <see cref="ConverterFactory"/> accepts, what the REST API's <c>GET /connector-plugins</c> lists
/// and what <c>kconnector describe</c> shows. The built-ins are listed here; a package's converters
/// are added through <see cref="Register"/>, which the generator calls from a module initializer of
/// the project that references the package (Kafka Connect's plugin scan, done at build time). The
/// generator reads the same descriptors from metadata, so a build accepts exactly the names and
/// settings a worker does.
/// </summary>
public static class ConverterPlugins
{
    private static readonly Lock Gate = new();
    private static IReadOnlyList<ConverterPlugin> _registered = [];

    /// <summary>The runtime's own converters and header converters, converters first.</summary>
    public static IReadOnlyList<ConverterPlugin> BuiltIn { get; } =
    [
        new(typeof(AvroConverterPlugin), AvroConverterPlugin.Definition)
        {
            Creator = AvroConverterPlugin.Creation,
        },
        new(typeof(ProtobufConverterPlugin), ProtobufConverterPlugin.Definition)
        {
            Creator = ProtobufConverterPlugin.Creation,
        },
        new(typeof(JsonSchemaConverterPlugin), JsonSchemaConverterPlugin.Definition)
        {
            Creator = JsonSchemaConverterPlugin.Creation,
        },
        new(typeof(JsonConverterPlugin), JsonConverterPlugin.Definition)
        {
            Creator = JsonConverterPlugin.Creation,
        },
        new(typeof(StringConverterPlugin), StringConverterPlugin.Definition)
        {
            Creator = StringConverterPlugin.Creation,
            HeaderConverterCreator = StringConverterPlugin.CreateHeaderConverter,
        },
        new(typeof(ByteArrayConverterPlugin), ByteArrayConverterPlugin.Definition)
        {
            Creator = ByteArrayConverterPlugin.Creation,
            HeaderConverterCreator = ByteArrayConverterPlugin.CreateHeaderConverter,
        },
        new(typeof(SimpleHeaderConverterPlugin), SimpleHeaderConverterPlugin.Definition)
        {
            HeaderConverterCreator = SimpleHeaderConverterPlugin.CreateHeaderConverter,
        },
    ];

    /// <summary>Every converter and header converter: the built-ins, then the registered ones.</summary>
    public static IReadOnlyList<ConverterPlugin> All =>
        Volatile.Read(ref _registered) is { Count: > 0 } registered
            ? [.. BuiltIn, .. registered]
            : BuiltIn;

    /// <summary>The converters (<c>key.converter</c>, <c>value.converter</c>).</summary>
    public static IEnumerable<ConverterPlugin> Converters =>
        All.Where(p => p.Kind == PluginKind.Converter);

    /// <summary>The converter <paramref name="name"/> names (class name or alias, any case), or null.</summary>
    public static ConverterPlugin? FindConverter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Converters.FirstOrDefault(p => p.IsNamed(name));
    }

    /// <summary>
    /// The header converters (<c>header.converter</c>): the SimpleHeaderConverter (Kafka Connect's
    /// default) first, then the converters that are also header converters.
    /// </summary>
    public static IEnumerable<ConverterPlugin> HeaderConverters =>
        All.Where(p => p.IsHeaderConverter).OrderBy(p => p.Kind == PluginKind.Converter);

    /// <summary>The header converter <paramref name="name"/> names, or null.</summary>
    public static ConverterPlugin? FindHeaderConverter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return HeaderConverters.FirstOrDefault(p => p.IsNamed(name));
    }

    /// <summary>
    /// Adds a package's converter or header converter, created by its descriptor's members. The same
    /// descriptor class again (the same assembly, or a copy loaded into another load context, as a
    /// host that compiles specs at run time does) replaces the earlier one; another class under a
    /// taken name is refused.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Another converter answers to one of its names, or it cannot be created in the role its kind
    /// says (a converter without <see cref="ConverterPlugin.Creator"/>, a header converter without
    /// <see cref="ConverterPlugin.HeaderConverterCreator"/>).
    /// </exception>
    public static void Register(ConverterPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        if (
            (plugin.Kind == PluginKind.Converter && plugin.Creator is null)
            || (plugin.IsHeaderConverter && plugin.HeaderConverterCreator is null)
        )
        {
            throw new ArgumentException(
                $"{plugin.Descriptor.FullName} is a {plugin.Kind} the worker cannot create: its descriptor needs Create<T>(ConverterContext<T>) for a converter and CreateHeaderConverter() for a header converter.",
                nameof(plugin)
            );
        }
        lock (Gate)
        {
            var others = _registered
                .Where(p => p.Descriptor.FullName != plugin.Descriptor.FullName)
                .ToList();
            var taken = plugin.Names.FirstOrDefault(n =>
                BuiltIn.Concat(others).Any(p => p.IsNamed(n))
            );
            if (taken is not null)
            {
                throw new ArgumentException(
                    $"The converter name '{taken}' of {plugin.Descriptor.FullName} is taken by another converter.",
                    nameof(plugin)
                );
            }
            Volatile.Write(ref _registered, [.. others, plugin]);
        }
    }
}
