using KConnector.Generator.Avro;
using KConnector.Generator.Connectors;
using KConnector.Generator.Emit;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The text of a source spec's compiled key chain: <c>{Connector}KeyChain.Apply(topic, value)</c>,
/// the record's key computed from the task's value (ValueToKey, then the <c>$Key</c> stages): one
/// object initializer for a key record, or the field's expression after ExtractField$Key.
/// </summary>
internal static class KeyChainText
{
    public static string Record(CompiledChain chain, AvroGeneratedType record) =>
        Write(
            chain,
            w =>
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
        );

    public static string Primitive(CompiledChain chain) =>
        Write(chain, w => w.WriteLine($"return {chain.Fields[0].Expression};"));

    private static string Write(CompiledChain chain, System.Action<SourceWriter> body)
    {
        var w = EmitText.Begin(chain.Namespace);
        w.WriteLine("/// <summary>");
        w.WriteLine(
            "/// The key transformations of the spec, compiled at build time: the record's key computed from the task's value"
        );
        w.WriteLine(
            "/// (ValueToKey, then the $Key stages), which the key converter writes (docs/transforms.md, \"Compiled at build time\")."
        );
        w.WriteLine("/// </summary>");
        w.WriteLine(EmitText.GeneratedCode);
        using (w.WriteBlock($"{chain.Access} static class {chain.ClassName}"))
        {
            w.WriteLine(
                "/// <summary>The key of the record whose value is <paramref name=\"value\"/>, for <paramref name=\"topic\"/>.</summary>"
            );
            using (
                w.WriteBlock(
                    $"public static {chain.OutputType} Apply(string topic, {chain.InputType} value)"
                )
            )
            {
                body(w);
            }
        }
        return EmitText.End(w, chain.Namespace);
    }
}
