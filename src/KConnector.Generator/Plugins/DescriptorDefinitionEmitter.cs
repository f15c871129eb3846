using KConnector.Generator.Connectors;

namespace KConnector.Generator.Plugins;

/// <summary>Writes a descriptor class's <c>Definition</c>: its <c>[ConfigKey]</c> attributes as a runtime <c>ConfigDefinition</c>, with no reflection at run time.</summary>
internal static class DescriptorDefinitionEmitter
{
    public static string Emit(DescriptorClassModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        w.WriteLine("static partial class " + model.TypeName);
        w.WriteLine("{");
        w.Indentation++;
        w.WriteLine(
            "/// <summary>The config definition of "
                + EmitText.Xml(model.DefinitionName)
                + ", generated from the class's [ConfigKey] attributes (Kafka Connect's ConfigDef).</summary>"
        );
        ConfigDefinitionWriter.Write(
            w,
            model.DefinitionName,
            model.Keys,
            model.ValidatesAcrossKeys ? CrossKeyRulesMethod.Name : null,
            model.DeclaresExactlyOnceSupport
                ? SourceDeclarationMethod.ExactlyOnceSupport.Name
                : null,
            model.DeclaresTransactionBoundaries
                ? SourceDeclarationMethod.CanDefineTransactionBoundaries.Name
                : null
        );
        w.Indentation--;
        w.WriteLine("}");
        return EmitText.End(w, model.Namespace);
    }
}
