using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Plugins;

/// <summary>
/// Adds the project's own transformations and predicates to the catalog of the referenced
/// assemblies, so that a spec names them as it names a package's (checked against their
/// <c>[ConfigKey]</c>s, registered by the generated module initializer). A descriptor whose name
/// another plugin of its kind already answers to is left out (KCN0272: the worker would refuse it
/// when registering); one the registration cannot create stays in for the spec's checks but is not
/// registered (KCN0271), so the build says what is wrong once.
/// </summary>
internal static class ProjectPluginCatalog
{
    public static PluginCatalog Combine(
        PluginCatalog referenced,
        EquatableArray<ProjectTransformPlugin> project
    )
    {
        if (project.Count == 0)
        {
            return referenced;
        }
        var added = Accepted(referenced, project, diagnostics: null)
            .Select(p => p.CreateProblem is null ? p.Plugin : p.Plugin with { Descriptor = null });
        return referenced with
        {
            Transforms = referenced
                .Transforms.Concat(added)
                .OrderBy(t => t.ClassName, StringComparer.Ordinal)
                .ToEquatableArray(),
        };
    }

    /// <summary>KCN0271 and KCN0272 for the project's descriptors, in source order.</summary>
    public static EquatableArray<DiagnosticInfo> Diagnostics(
        PluginCatalog referenced,
        EquatableArray<ProjectTransformPlugin> project
    )
    {
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var plugin in Accepted(referenced, project, diagnostics))
        {
            if (plugin.CreateProblem is { } problem)
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.ProjectTransformCannotBeCreated,
                        plugin.Where,
                        Kind(plugin.Plugin),
                        plugin.Plugin.ClassName,
                        problem
                    )
                );
            }
        }
        return diagnostics.ToEquatableArray();
    }

    // The project's plugins whose names no plugin of their kind answers to before them.
    private static List<ProjectTransformPlugin> Accepted(
        PluginCatalog referenced,
        EquatableArray<ProjectTransformPlugin> project,
        List<DiagnosticInfo>? diagnostics
    )
    {
        var accepted = new List<ProjectTransformPlugin>();
        foreach (var plugin in project)
        {
            var others = referenced
                .Transforms.Concat(accepted.Select(a => a.Plugin))
                .Where(t => t.IsPredicate == plugin.Plugin.IsPredicate);
            var clash = Names(plugin.Plugin)
                .SelectMany(n => others.Where(o => o.IsNamed(n)).Select(o => (Name: n, Other: o)))
                .FirstOrDefault();
            if (clash.Other is null)
            {
                accepted.Add(plugin);
                continue;
            }
            diagnostics?.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ProjectTransformNameTaken,
                    plugin.Where,
                    Kind(plugin.Plugin),
                    plugin.Plugin.ClassName,
                    clash.Name,
                    clash.Other.ClassName
                )
            );
        }
        return accepted;
    }

    private static IEnumerable<string> Names(TransformPluginModel plugin) =>
        new[] { plugin.ClassName }.Concat(plugin.Aliases);

    private static string Kind(TransformPluginModel plugin) =>
        plugin.IsPredicate ? "predicate" : "transformation";
}
