using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>
/// The runtime's <c>KConnector.Plugins.PluginKind</c>, by value: the generator cannot reference the
/// runtime, so the attribute's kind arrives as its number (PluginKindMirrorTests keeps them equal).
/// </summary>
internal enum PluginAttributeKind
{
    Source,
    Sink,
    Converter,
    HeaderConverter,
    Transformation,
    Predicate,
    ConfigProvider,
}

/// <summary>
/// What one <c>[ConnectPlugin(className, kind, ...)]</c> says, read once for every kind of
/// descriptor: its class name, kind, aliases and named arguments.
/// </summary>
internal sealed class ConnectPluginArguments
{
    private readonly Dictionary<string, TypedConstant> _named;

    private ConnectPluginArguments(
        string className,
        PluginAttributeKind kind,
        Dictionary<string, TypedConstant> named
    )
    {
        ClassName = className;
        Kind = kind;
        _named = named;
    }

    /// <summary>The plugin's class name (the attribute's first argument).</summary>
    public string ClassName { get; }

    /// <summary>The plugin's kind (the attribute's second argument).</summary>
    public PluginAttributeKind Kind { get; }

    /// <summary>The other names the plugin answers to (<c>Aliases</c>), in their order.</summary>
    public EquatableArray<string> Aliases =>
        (
            _named.TryGetValue("Aliases", out var a) && a.Kind == TypedConstantKind.Array
                ? a.Values.Select(v => v.Value as string ?? string.Empty)
                : Enumerable.Empty<string>()
        ).ToEquatableArray();

    /// <summary>The attribute's arguments, or null when it is not a well-formed <c>[ConnectPlugin]</c>.</summary>
    public static ConnectPluginArguments? Of(AttributeData plugin) =>
        plugin.ConstructorArguments.Length == 2
        && plugin.ConstructorArguments[0].Value is string className
        && plugin.ConstructorArguments[1].Value is int kind
            ? new ConnectPluginArguments(
                className,
                (PluginAttributeKind)kind,
                plugin.NamedArguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal)
            )
            : null;

    /// <summary>The named boolean argument <paramref name="name"/>, else <paramref name="fallback"/>.</summary>
    public bool Flag(string name, bool fallback = false) =>
        _named.TryGetValue(name, out var c) && c.Value is bool b ? b : fallback;

    /// <summary>The named argument <paramref name="name"/>'s value (a string, a number, a type), or null.</summary>
    public object? Named(string name) => _named.TryGetValue(name, out var c) ? c.Value : null;
}
