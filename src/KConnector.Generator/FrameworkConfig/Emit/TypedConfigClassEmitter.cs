using KConnector.Generator.Connectors;

namespace KConnector.Generator.FrameworkConfig;

/// <summary>
/// Completes a <c>[TypedConfigKeys]</c> class: a property per key of its key set, the protected
/// constructor that reads them from the validated values, and <c>AppendValues</c> (its part of
/// <c>ToString</c>). Written by the same <see cref="ConfigPropertyWriter"/> as each generated
/// {Name}Config's own keys.
/// </summary>
internal static class TypedConfigClassEmitter
{
    public static string Emit(TypedConfigClassModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        w.WriteLine(EmitText.GeneratedCode);
        using (w.WriteBlock("partial class " + model.TypeName))
        {
            w.WriteLine(
                "/// <summary>Reads the typed keys from <paramref name=\"parsed\"/>, the validated values.</summary>"
            );
            var ctor =
                $"protected {model.TypeName}(global::KConnector.Configuration.ParsedConfig parsed)";
            using (w.WriteBlock(model.ExtendsTypedClass ? ctor + " : base(parsed)" : ctor))
            {
                if (!model.ExtendsTypedClass)
                {
                    w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(parsed);");
                    w.WriteLine("Parsed = parsed;");
                }
                ConfigPropertyWriter.WriteReads(w, model.Keys);
            }
            ConfigPropertyWriter.WriteProperties(w, model.Keys);
            w.WriteLine();
            ConfigPropertyWriter.WriteAppendValues(w, model.Keys, model.ExtendsTypedClass);
        }
        return EmitText.End(w, model.Namespace);
    }
}
