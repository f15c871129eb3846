using System.Collections.Generic;
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
                SourceText.From(
                    Chain(chain, w => w.WriteLine($"return {chain.Fields[0].Expression};")),
                    System.Text.Encoding.UTF8
                )
            );
            return;
        }
        var (types, problems) = OutputRecordType.ResolveAll(
            chain.SchemaPath,
            chain.OutputSchemaJson,
            chain.OutputNamespace,
            chain.Access
        );
        foreach (var problem in problems)
        {
            spc.ReportDiagnostic(problem.ToDiagnostic());
        }
        var record = types.FirstOrDefault(t => t.Definition.Path == "$");
        if (record is null)
        {
            return;
        }
        foreach (var type in types)
        {
            // The record keeps its hint; a struct nested in it (Flatten left, HoistField built) gets its own.
            spc.AddSource(
                hint
                    + "."
                    + chain.Side
                    + "Output"
                    + (type == record ? string.Empty : "." + type.Definition.TypeName)
                    + ".g.cs",
                SourceText.From(AvroTypeEmitter.Emit(type), System.Text.Encoding.UTF8)
            );
        }
        spc.AddSource(
            hint + "." + chain.Side + "Chain.g.cs",
            SourceText.From(
                Chain(
                    chain,
                    w =>
                    {
                        w.WriteLine($"return new {chain.OutputType}");
                        CompiledInitializer.Write(w, record.Definition, chain.Fields, types, ";");
                    }
                ),
                System.Text.Encoding.UTF8
            )
        );
    }

    // The chain's class: Apply(topic, input) returning the output the body computes.
    private static string Chain(CompiledChain chain, System.Action<SourceWriter> body)
    {
        var w = EmitText.Begin(chain.Namespace);
        w.WriteLine("/// <summary>");
        foreach (var line in chain.Side == "Key" ? KeyChainText.Summary(chain) : Summary(chain))
        {
            w.WriteLine("/// " + line);
        }
        w.WriteLine("/// </summary>");
        w.WriteLine(EmitText.GeneratedCode);
        var input = chain.Side == "Key" && !chain.KeyFromValue ? "key" : "value";
        using (w.WriteBlock($"{chain.Access} static class {chain.ClassName}"))
        {
            if (chain.PrimitiveOutputType is not null)
            {
                w.WriteLine(
                    "/// <summary>The output's Avro schema, as Confluent's AvroData writes a Connect primitive schema.</summary>"
                );
                w.WriteLine(
                    "public const string OutputAvroSchemaJson = "
                        + EmitText.Literal(chain.OutputSchemaJson)
                        + ";"
                );
            }
            w.WriteLine(
                chain.KeyFromValue
                    ? "/// <summary>The key of the record whose value is <paramref name=\"value\"/>, for <paramref name=\"topic\"/>.</summary>"
                    : $"/// <summary>The transformed <paramref name=\"{input}\"/> of a record for <paramref name=\"topic\"/>.</summary>"
            );
            using (
                w.WriteBlock(
                    $"public static {chain.OutputType} Apply(string topic, {chain.InputType} {input}"
                        + (
                            chain.ReadsMetadata
                                ? ", global::KConnector.Transforms.Compiled.CompiledRecordMetadata metadata)"
                                : ")"
                        )
                )
            )
            {
                body(w);
            }
            if (chain.Headers.Count > 0)
            {
                WriteHeaders(w, chain, input);
            }
        }
        return EmitText.End(w, chain.Namespace);
    }

    // A compiled HeaderFrom's headers, computed from the chain's input (the task's value or key on
    // a source, the topic's on a sink; a HeaderFrom$Key's the key chain's input); the runner calls it through SourceChainConverter when it
    // writes the record's headers, through SinkChainConverter when it builds the task's.
    private static void WriteHeaders(SourceWriter w, CompiledChain chain, string input)
    {
        w.WriteLine(
            $"/// <summary>Adds the headers HeaderFrom copies or moves from <paramref name=\"{input}\"/>, typed with each field's Connect schema.</summary>"
        );
        using (
            w.WriteBlock(
                $"public static void Headers(string topic, {chain.InputType} {input}, global::KConnector.Transforms.Compiled.CompiledHeaderSink headers)"
            )
        )
        {
            foreach (var header in chain.Headers)
            {
                var add = $"headers.Add({EmitText.Literal(header.Name)}, {header.Expression});";
                if (header.Condition is null)
                {
                    w.WriteLine(add);
                    continue;
                }
                using (w.WriteBlock($"if ({header.Condition})"))
                {
                    w.WriteLine(add);
                }
            }
        }
    }

    private static string[] Summary(CompiledChain chain) =>
        chain.IsSink
            ? new[]
            {
                "The value transformations of the spec, compiled at build time: the topic's value to the chain's output",
                "record, which the task takes (docs/transforms.md, \"Compiled at build time\").",
            }
            : new[]
            {
                "The value transformations of the spec, compiled at build time: the task's value to the chain's output",
                "record, whose schema the value converter registers (docs/transforms.md, \"Compiled at build time\").",
            };
}
