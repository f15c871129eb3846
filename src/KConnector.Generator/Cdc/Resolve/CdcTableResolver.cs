using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Emit;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Cdc;

/// <summary>
/// Matches a spec's declared tables with the project's .avsc records and the spec's own keys:
/// KCN0291 a file that is missing or does not parse, KCN0292 one that is not a record, KCN0293 a
/// table table.include.list / table.exclude.list do not capture, KCN0294 a message.key.columns
/// column the record lacks, KCN0295 a value converter other than AvroConverter. What only the
/// database knows (the primary key, each column's type) the task checks at run time.
/// </summary>
internal static class CdcTableResolver
{
    public static CdcResult Resolve(
        ParsedSpec spec,
        EquatableArray<ConnectorSource> specTexts,
        EquatableArray<SchemaTypeEntry> schemas,
        EquatableArray<CdcSchemaFile> files
    )
    {
        if (!CdcDeclaredTables.Declares(spec))
        {
            return CdcResult.None;
        }
        var text = specTexts.FirstOrDefault(s => s.Path == spec.Path)?.Text ?? "{}";
        var bag = new DiagnosticBag(spec.Path, text);
        var entries = CdcTableListParser.Read(spec, text, bag, out var where);
        if (
            spec.ValueConverter?.Converter is { } converter
            && !converter.CanCarry(TypeFormats.OwnFormats)
        )
        {
            bag.Report(DiagnosticDescriptors.CdcTableSchemasNeedAvro, where, converter.ClassName);
        }
        var filter = CdcTableFilter.Of(spec);
        var keyColumns = CdcKeyColumns.Of(spec);
        var tables = new List<CdcTableModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (filter.Problem(entry) is { } notCaptured)
            {
                bag.Report(
                    DiagnosticDescriptors.CdcTableNotCaptured,
                    where,
                    entry.QualifiedName,
                    notCaptured
                );
            }
            var record = RecordOf(entry, schemas, files, bag, where);
            if (record is null)
            {
                continue;
            }
            var fields = record
                .Shape!.Fields.Select(f => f.Name)
                .Concat(record.Shape.Unmappable.Select(f => f.Name));
            foreach (var column in keyColumns.For(entry).Where(c => !fields.Contains(c)))
            {
                bag.Report(
                    DiagnosticDescriptors.CdcKeyColumnNotDeclared,
                    where,
                    column,
                    entry.QualifiedName,
                    entry.Written
                );
            }
            tables.Add(
                new CdcTableModel(
                    entry.Schema,
                    entry.Table,
                    entry.Written,
                    "global::" + record.CSharpFullName,
                    CSharpIdentifier.Unclash(EventName(entry), names)
                )
            );
        }
        var model = new CdcSpecModel(
            spec.Namespace,
            CdcDeclaredTables.TablesTypeName(spec),
            spec.Access,
            spec.ConnectorName,
            tables.ToEquatableArray()
        );
        return new CdcResult(model, bag.ToEquatableArray());
    }

    private static string EventName(CdcTableEntry entry) =>
        ConfigKeyNames.PropertyNameOf(
            string.Equals(entry.Schema, "public", StringComparison.OrdinalIgnoreCase)
                ? entry.Table
                : entry.Schema + "_" + entry.Table
        ) + "ChangeEvent";

    private static SchemaTypeEntry? RecordOf(
        CdcTableEntry entry,
        EquatableArray<SchemaTypeEntry> schemas,
        EquatableArray<CdcSchemaFile> files,
        DiagnosticBag bag,
        SpecLocation where
    )
    {
        var file = files.FirstOrDefault(f => f.NormalizedPath == entry.ResolvedPath);
        var found = schemas.FirstOrDefault(s =>
            s.NormalizedPath == entry.ResolvedPath
            && s.CSharpFullName is not null
            && s.Format == TypeFormats.AvroRecord
            && s.Shape is not null
        );
        if (found is not null)
        {
            return found;
        }
        if (file?.TopLevelType is { } type && type != "record")
        {
            bag.Report(
                DiagnosticDescriptors.CdcTableSchemaNotRecord,
                where,
                entry.Written,
                entry.QualifiedName,
                type.StartsWith("a", StringComparison.Ordinal) ? type : "\"" + type + "\""
            );
            return null;
        }
        bag.Report(
            DiagnosticDescriptors.CdcTableSchemaUnreadable,
            where,
            entry.Written,
            entry.QualifiedName,
            file is null
                ? "is not an .avsc file of the project ("
                    + entry.ResolvedPath
                    + "; .avsc files are AdditionalFiles items)"
                : "does not parse as an Avro schema (see its own errors)"
        );
        return null;
    }
}
