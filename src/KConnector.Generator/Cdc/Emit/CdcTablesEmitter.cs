using System.Text;
using KConnector.Generator.Connectors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Cdc;

/// <summary>
/// Writes a spec's &lt;Spec&gt;Tables: the declared tables with their generated row records (what
/// the task checks each relation against and the converter writes rows with), and per table a
/// &lt;Table&gt;ChangeEvent, Debezium's envelope with Before/After of the record, Op, TsMs and
/// Source, read from the table's topic with FromAvro.
/// </summary>
internal static class CdcTablesEmitter
{
    private const string Rt = CdcDeclaredTables.RuntimeNamespace;

    public static void AddSource(SourceProductionContext spc, CdcResult result)
    {
        if (result.Model is { } model)
        {
            spc.AddSource(
                model.FullTypeName + ".g.cs",
                SourceText.From(Emit(model), Encoding.UTF8)
            );
        }
    }

    public static string Emit(CdcSpecModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        w.WriteLine(
            $"/// <summary>The tables the connector \"{EmitText.Xml(model.ConnectorName)}\" declares value schemas for (table.value.schemas).</summary>"
        );
        w.WriteLine(EmitText.GeneratedCode);
        using (w.WriteBlock($"{model.Access} sealed class {model.TypeName} : {Rt}IDeclaredTables"))
        {
            w.WriteLine($"private {model.TypeName}() {{ }}");
            w.WriteLine();
            w.WriteLine("/// <summary>Each declared table with its row record's schema.</summary>");
            w.WriteLine(
                $"public static global::System.Collections.Generic.IReadOnlyList<{Rt}DeclaredTableSchema> Tables {{ get; }} ="
            );
            using (w.WriteBlock("new " + Rt + "DeclaredTableSchema[]"))
            {
                foreach (var table in model.Tables)
                {
                    w.WriteLine(
                        $"new({EmitText.Literal(table.Schema)}, {EmitText.Literal(table.Table)}, {EmitText.Literal(table.SchemaFile)}, {table.RowType}.AvroSchemaJson),"
                    );
                }
            }
            w.WriteLine(";");
            foreach (var table in model.Tables)
            {
                w.WriteLine();
                WriteEvent(w, table);
            }
        }
        return EmitText.End(w, model.Namespace);
    }

    private static void WriteEvent(Emit.SourceWriter w, CdcTableModel table)
    {
        var name = table.Schema + "." + table.Table;
        w.WriteLine(
            $"/// <summary>A change of table {EmitText.Xml(name)}: Debezium's envelope with the rows as <see cref=\"{table.RowType}\"/>.</summary>"
        );
        using (
            w.WriteBlock(
                $"public sealed class {table.EventName} : {Rt}ChangeEnvelope<{table.RowType}>"
            )
        )
        {
            w.WriteLine($"private {table.EventName}() {{ }}");
            w.WriteLine();
            w.WriteLine("/// <summary>The table, schema.table.</summary>");
            w.WriteLine($"public const string Table = {EmitText.Literal(name)};");
            w.WriteLine();
            w.WriteLine(
                "/// <summary>Reads a change the AvroConverter wrote to the table's topic (Confluent's wire format).</summary>"
            );
            w.WriteLine(
                "/// <exception cref=\"global::KConnector.Converters.DataException\">The bytes are not such a change.</exception>"
            );
            w.WriteLine(
                $"public static {table.EventName} FromAvro(global::System.ReadOnlySpan<byte> data) => Read(new {table.EventName}(), Table, data);"
            );
        }
    }
}
