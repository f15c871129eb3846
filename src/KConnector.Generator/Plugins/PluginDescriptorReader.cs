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
    /// <summary>The connector plugin <paramref name="descriptor"/> describes, or null when it is another kind of plugin.</summary>
    public static PluginModel? Read(
        INamedTypeSymbol descriptor,
        AttributeData plugin,
        string assembly
    )
    {
        // The kinds a spec can run today.
        if (
            ConnectPluginArguments.Of(plugin) is not { } arguments
            || arguments.Kind is not (PluginAttributeKind.Source or PluginAttributeKind.Sink)
        )
        {
            return null;
        }
        return new PluginModel(
            arguments.ClassName,
            arguments.Aliases,
            arguments.Kind == PluginAttributeKind.Source
                ? ConnectorKind.Source
                : ConnectorKind.Sink,
            arguments.Named("Description") as string ?? "",
            ConfigKeyAttributeReader.Read(descriptor),
            "global::" + descriptor.ToDisplayString(),
            assembly,
            CreationOf(descriptor, PluginAttributeNames.CreateTask),
            arguments.Flag("ValueMustBeRecord"),
            arguments.Flag("KeyMayBeRecord", fallback: true),
            arguments.Flag("SingleTask"),
            CrossKeyRulesMethod.IsDeclaredBy(descriptor),
            arguments.Named("ValueType") is ITypeSymbol valueType
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
