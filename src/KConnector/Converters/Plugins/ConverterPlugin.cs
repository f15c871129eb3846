using System.Reflection;
using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>
/// A converter or header converter as the worker knows it from its descriptor: the class name and
/// aliases a config may give, the types it carries and its config definition (Kafka Connect's
/// <c>PluginDesc</c> with the plugin's <c>ConfigDef</c>).
/// </summary>
/// <param name="Descriptor">The descriptor class (its <see cref="ConnectPluginAttribute"/> is the one source of the names).</param>
/// <param name="Definition">Its config definition, generated from the descriptor's <see cref="ConfigKeyAttribute"/>s.</param>
public sealed record ConverterPlugin(Type Descriptor, ConfigDefinition Definition)
{
    private readonly ConnectPluginAttribute _plugin =
        Descriptor.GetCustomAttribute<ConnectPluginAttribute>()
        ?? throw new ArgumentException(
            $"{Descriptor.FullName} has no [ConnectPlugin] attribute.",
            nameof(Descriptor)
        );

    /// <summary>The canonical class name (Kafka Connect's or Confluent's).</summary>
    public string ClassName => _plugin.ClassName;

    /// <summary>The other names a config may give (the simple class name and its short alias).</summary>
    public IReadOnlyList<string> Aliases => _plugin.Aliases;

    /// <summary><see cref="PluginKind.Converter"/> or <see cref="PluginKind.HeaderConverter"/>.</summary>
    public PluginKind Kind => _plugin.Kind;

    /// <summary>Whether <c>header.converter</c> may name it: a header converter, or a converter that is also one.</summary>
    public bool IsHeaderConverter =>
        Kind == PluginKind.HeaderConverter || _plugin.AlsoHeaderConverter;

    /// <summary>The key and value types it carries.</summary>
    public ConverterRecordTypes Carries => _plugin.Carries;

    /// <summary>One sentence on what it does.</summary>
    public string Description => _plugin.Description;

    /// <summary>
    /// How the worker creates it as a key or value converter: the descriptor's
    /// <c>Create&lt;T&gt;(ConverterContext&lt;T&gt;)</c>; null for a header converter only.
    /// </summary>
    public IConverterCreator? Creator { get; init; }

    /// <summary>How the worker creates it as a header converter (the descriptor's <c>CreateHeaderConverter()</c>); null when it is none.</summary>
    public Func<Headers.IHeaderConverter>? HeaderConverterCreator { get; init; }

    /// <summary>Its class name, then its aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(ClassName);

    /// <summary>Whether <paramref name="name"/> is its class name or an alias, in any case (as KConnector has always accepted them).</summary>
    public bool IsNamed(string name) =>
        string.Equals(ClassName, name.Trim(), StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
