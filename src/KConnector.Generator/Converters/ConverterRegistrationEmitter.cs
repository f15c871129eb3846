using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Emit;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Converters;

/// <summary>
/// Writes, for a project that references converters or header converters other than the runtime's
/// (a package's <c>[ConnectPlugin]</c> descriptors, found by the catalog), a module initializer that
/// registers each with the worker's table (<c>ConverterPlugins.Register</c>), created by its
/// descriptor's members: a spec naming one is checked against the same descriptor, and the worker
/// creates it (as Kafka Connect's plugin scan makes a converter in a plugin path nameable). A
/// descriptor the worker could not create gets KCN0283 and is not registered. Nothing is written
/// when there are none.
/// </summary>
internal static class ConverterRegistrationEmitter
{
    public const string HintName = "KConnector.ConverterRegistrations.g.cs";

    public static void Emit(SourceProductionContext context, PluginCatalog catalog)
    {
        var packaged = catalog.Converters.Where(c => c.Descriptor is not null).ToList();
        foreach (var broken in packaged.Where(c => !c.Creatable))
        {
            context.ReportDiagnostic(
                Diagnostic.Create(
                    DiagnosticDescriptors.ConverterNotCreatable,
                    Location.None,
                    broken.Descriptor!.Replace("global::", string.Empty),
                    broken.ClassName
                )
            );
        }
        var plugins = packaged.Where(c => c.Creatable).ToList();
        if (plugins.Count == 0)
        {
            return;
        }
        RegistrationInitializer.Add(
            context,
            HintName,
            "ConverterRegistrations",
            "Registers the referenced converters and header converters before anything runs.",
            w =>
            {
                for (var i = 0; i < plugins.Count; i++)
                {
                    WriteRegistration(w, plugins[i], i);
                }
            },
            w =>
            {
                for (var i = 0; i < plugins.Count; i++)
                {
                    if (plugins[i].IsHeaderConverter)
                    {
                        continue;
                    }
                    w.WriteLine();
                    WriteCreator(w, plugins[i], i);
                }
            }
        );
    }

    private static void WriteRegistration(SourceWriter w, ConverterPluginModel plugin, int index)
    {
        var d = plugin.Descriptor!;
        w.WriteLine("global::KConnector.Converters.Plugins.ConverterPlugins.Register(");
        w.Indentation++;
        w.WriteLine(
            $"new global::KConnector.Converters.Plugins.ConverterPlugin(typeof({d}), {d}.Definition)"
        );
        w.WriteLine("{");
        w.Indentation++;
        if (!plugin.IsHeaderConverter)
        {
            w.WriteLine($"Creator = new Creator{index}(),");
        }
        if (plugin.IsHeaderConverter || plugin.AlsoHeaderConverter)
        {
            w.WriteLine(
                $"HeaderConverterCreator = {d}.{ConverterCreationMembers.CreateHeaderConverter},"
            );
        }
        w.Indentation--;
        w.WriteLine("}");
        w.Indentation--;
        w.WriteLine(");");
    }

    // A generic method has no delegate type: one small class forwards each converter's Create<T>.
    private static void WriteCreator(SourceWriter w, ConverterPluginModel plugin, int index)
    {
        w.WriteLine(
            $"private sealed class Creator{index} : global::KConnector.Converters.Plugins.IConverterCreator"
        );
        w.WriteLine("{");
        w.Indentation++;
        w.WriteLine(
            $"public global::KConnector.Converters.IConverter<T>? Create<T>(global::KConnector.Converters.ConverterContext<T> context) => {plugin.Descriptor}.{ConverterCreationMembers.Create}<T>(context);"
        );
        w.Indentation--;
        w.WriteLine("}");
    }
}
