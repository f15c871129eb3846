using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Transforms;

/// <summary>
/// Writes, for a project that references or declares transformation or predicate plugins other
/// than the runtime's (a package's <c>[ConnectPlugin]</c> descriptors, found by the catalog, and
/// the project's own, added by <c>ProjectPluginCatalog</c>), a module
/// initializer that registers each with the worker's table (<c>TransformationPlugins</c>): a spec
/// naming one passes the build's checks against the same descriptor, and the worker creates it.
/// Nothing is written when there are none.
/// </summary>
internal static class TransformRegistrationEmitter
{
    public const string HintName = "KConnector.TransformationRegistrations.g.cs";

    public static void Emit(SourceProductionContext context, PluginCatalog catalog)
    {
        var plugins = catalog.Transforms.Where(t => t.Descriptor is not null).ToList();
        if (plugins.Count == 0)
        {
            return;
        }
        RegistrationInitializer.Add(
            context,
            HintName,
            "TransformationRegistrations",
            "Registers the referenced transformation and predicate plugins before anything runs.",
            w =>
            {
                foreach (var plugin in plugins)
                {
                    var d = plugin.Descriptor!;
                    var aliases = string.Join(
                        ", ",
                        plugin.Aliases.Select(a => EmitText.Literal(a))
                    );
                    w.WriteLine(
                        "global::KConnector.Transforms.TransformationPlugins."
                            + (plugin.IsPredicate ? "RegisterPredicate" : "RegisterTransformation")
                            + "(typeof("
                            + d
                            + "), "
                            + EmitText.Literal(plugin.ClassName)
                            + ", new string[] { "
                            + aliases
                            + " }, "
                            + d
                            + ".Definition, "
                            + d
                            + ".Create);"
                    );
                }
            }
        );
    }
}
