using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Connectors;
using KConnector.Generator.Emit;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Transforms;

/// <summary>
/// Writes a compiled value chain: the output record, generated from its Avro schema as the types of
/// .avsc files are (so the converters write and register it like any generated record), and
/// <c>{Connector}ValueChain.Apply(topic, value)</c>, one object initializer computing each output
/// field from the task's value: no reflection, no boxing, no per-record dictionary.
/// </summary>
internal static class CompiledChainEmitter
{
    public static void Emit(SourceProductionContext spc, string hint, CompiledChain chain)
    {
        if (chain.HasValueStages)
        {
            EmitSide(spc, hint, chain);
        }
        if (chain.KeyChain is { } key)
        {
            EmitSide(spc, hint, key);
        }
    }

    private static void EmitSide(SourceProductionContext spc, string hint, CompiledChain chain)
    {
        if (chain.PrimitiveOutputType is not null)
        {
            spc.AddSource(
                hint + "." + chain.Side + "Chain.g.cs",
                SourceText.From(KeyChainText.Primitive(chain), System.Text.Encoding.UTF8)
            );
            return;
        }
        var (record, problems) = OutputRecordType.Resolve(
            chain.SchemaPath,
            chain.OutputSchemaJson,
            chain.OutputNamespace,
            chain.Access
        );
        foreach (var problem in problems)
        {
            spc.ReportDiagnostic(problem.ToDiagnostic());
        }
        if (record is null)
        {
            return;
        }
        spc.AddSource(
            hint + "." + chain.Side + "Output.g.cs",
            SourceText.From(AvroTypeEmitter.Emit(record), System.Text.Encoding.UTF8)
        );
        spc.AddSource(
            hint + "." + chain.Side + "Chain.g.cs",
            SourceText.From(
                chain.Side == "Key" ? KeyChainText.Record(chain, record) : Chain(chain, record),
                System.Text.Encoding.UTF8
            )
        );
    }

    private static string Chain(CompiledChain chain, AvroGeneratedType record)
    {
        var w = EmitText.Begin(chain.Namespace);
        w.WriteLine("/// <summary>");
        w.WriteLine(
            chain.IsSink
                ? "/// The value transformations of the spec, compiled at build time: the topic's value to the chain's output"
                : "/// The value transformations of the spec, compiled at build time: the task's value to the chain's output"
        );
        w.WriteLine(
            chain.IsSink
                ? "/// record, which the task takes (docs/transforms.md, \"Compiled at build time\")."
                : "/// record, whose schema the value converter registers (docs/transforms.md, \"Compiled at build time\")."
        );
        w.WriteLine("/// </summary>");
        w.WriteLine(EmitText.GeneratedCode);
        using (w.WriteBlock($"{chain.Access} static class {chain.ClassName}"))
        {
            w.WriteLine(
                "/// <summary>The transformed <paramref name=\"value\"/> of a record for <paramref name=\"topic\"/>.</summary>"
            );
            using (
                w.WriteBlock(
                    $"public static {chain.OutputType} Apply(string topic, {chain.InputType} value)"
                )
            )
            {
                w.WriteLine($"return new {chain.OutputType}");
                w.WriteLine("{");
                w.Indentation++;
                var fields = record.Definition.Fields;
                for (var i = 0; i < chain.Fields.Count; i++)
                {
                    w.WriteLine($"{fields[i].PropertyName} = {chain.Fields[i].Expression},");
                }
                w.Indentation--;
                w.WriteLine("};");
            }
        }
        return EmitText.End(w, chain.Namespace);
    }
}
