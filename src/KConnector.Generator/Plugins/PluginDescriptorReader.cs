using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>Reads one <c>[ConnectPlugin]</c> descriptor class into a <see cref="PluginModel"/>.</summary>
internal static class PluginDescriptorReader
{
    // The runtime's PluginKind values of the kinds a spec can run today.
    private const int SourceKind = 0;
    private const int SinkKind = 1;

    /// <summary>The connector plugin <paramref name="descriptor"/> describes, or null when it is another kind of plugin.</summary>
    public static PluginModel? Read(
        INamedTypeSymbol descriptor,
        AttributeData plugin,
        string assembly
    )
    {
        if (
            plugin.ConstructorArguments.Length != 2
            || plugin.ConstructorArguments[0].Value is not string className
            || plugin.ConstructorArguments[1].Value is not int kind
            || (kind != SourceKind && kind != SinkKind)
        )
        {
            return null;
        }
        var named = plugin.NamedArguments.ToDictionary(
            a => a.Key,
            a => a.Value,
            StringComparer.Ordinal
        );
        bool Flag(string key, bool fallback) =>
            named.TryGetValue(key, out var c) && c.Value is bool b ? b : fallback;
        var aliases =
            named.TryGetValue("Aliases", out var a) && a.Kind == TypedConstantKind.Array
                ? a.Values.Select(v => v.Value as string ?? string.Empty)
                : Enumerable.Empty<string>();
        return new PluginModel(
            className,
            aliases.ToEquatableArray(),
            kind == SourceKind ? ConnectorKind.Source : ConnectorKind.Sink,
            named.TryGetValue("Description", out var d) ? d.Value as string ?? "" : "",
            ConfigKeyAttributeReader.Read(descriptor),
            "global::" + descriptor.ToDisplayString(),
            assembly,
            CreationOf(descriptor, PluginAttributeNames.CreateTask),
            Flag("ValueMustBeRecord", false),
            Flag("KeyMayBeRecord", true),
            Flag("SingleTask", false),
            CrossKeyRulesMethod.IsDeclaredBy(descriptor),
            named.TryGetValue("ValueType", out var v) && v.Value is ITypeSymbol valueType
                ? "global::" + valueType.ToDisplayString()
                : null,
            CreationOf(descriptor, PluginAttributeNames.CreatePrimitiveTask)
        );
    }

    /// <summary>
    /// The descriptor's <c>public static CreateTask&lt;TKey, TValue&gt;</c> (or <c>&lt;TValue&gt;</c>; or <c>CreatePrimitiveTask</c>),
    /// its parameters recognized by name; null when there is none the worker can call.
    /// </summary>
    private static TaskCreationModel? CreationOf(INamedTypeSymbol descriptor, string name)
    {
        foreach (
            var method in descriptor
                .GetMembers(name)
                .OfType<IMethodSymbol>()
                .Where(m =>
                    m.IsStatic
                    && m.DeclaredAccessibility == Accessibility.Public
                    && m.TypeParameters.Length is 1 or 2
                )
        )
        {
            var parameters = new List<string>();
            foreach (var parameter in method.Parameters)
            {
                var known =
                    parameter.Name
                        is TaskCreationModel.Config
                            or TaskCreationModel.Value
                            or TaskCreationModel.Logger
                    || (
                        parameter.Name == TaskCreationModel.Key && method.TypeParameters.Length == 2
                    );
                if (!known)
                {
                    break;
                }
                parameters.Add(parameter.Name);
            }
            if (parameters.Count == method.Parameters.Length)
            {
                return new TaskCreationModel(
                    method.TypeParameters.Length == 1,
                    parameters.ToEquatableArray(),
                    method.ReturnType.AllInterfaces.Any(i =>
                        i.SpecialType == SpecialType.System_IDisposable
                    )
                );
            }
        }
        return null;
    }
}
