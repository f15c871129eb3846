using System;
using System.Text;
using KConnector.Generator.Connectors;
using KConnector.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Plugins;

/// <summary>
/// The one shape of every plugin registration a project gets (transformations and predicates,
/// converters, config providers): an internal class in <c>KConnector.Generated</c> whose module
/// initializer registers each referenced plugin with the worker's table before anything runs, so
/// the worker creates plugins by name with no reflection.
/// </summary>
internal static class RegistrationInitializer
{
    public static void Add(
        SourceProductionContext context,
        string hintName,
        string className,
        string summary,
        Action<SourceWriter> writeRegistrations,
        Action<SourceWriter>? writeMembers = null
    )
    {
        var w = EmitText.Begin("KConnector.Generated");
        w.WriteLine(EmitText.GeneratedCode);
        w.WriteLine("internal static class " + className);
        w.WriteLine("{");
        w.Indentation++;
        w.WriteLine("/// <summary>" + summary + "</summary>");
        w.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.WriteLine("internal static void Register()");
        w.WriteLine("{");
        w.Indentation++;
        writeRegistrations(w);
        w.Indentation--;
        w.WriteLine("}");
        writeMembers?.Invoke(w);
        w.Indentation--;
        w.WriteLine("}");
        context.AddSource(
            hintName,
            SourceText.From(EmitText.End(w, "KConnector.Generated"), Encoding.UTF8)
        );
    }
}
