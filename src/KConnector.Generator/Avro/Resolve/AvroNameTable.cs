using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Emit;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;
using KConnector.Generator.Models;

namespace KConnector.Generator.Avro;

/// <summary>
/// The named types of every schema file of the project together: resolves references by full
/// name across files and namespaces, reports clashes and unknown names, validates field defaults
/// (which need the referenced types), and writes each type's self-contained schema text.
/// </summary>
internal sealed class AvroNameTable
{
    private readonly Dictionary<string, AvroNamedTypeModel> _byName = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics = new();

    public static (
        EquatableArray<AvroGeneratedType> Types,
        EquatableArray<DiagnosticInfo> Diagnostics
    ) Resolve(IEnumerable<SchemaFileResult> files)
    {
        var table = new AvroNameTable();
        var types = new List<AvroGeneratedType>();
        try
        {
            types = table.Build(files);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            table._diagnostics.ReportUnlocated(
                DiagnosticDescriptors.GeneratorFailure,
                "(all schemas)",
                "$",
                e.GetType().Name + ": " + e.Message
            );
            types.Clear();
        }
        return (types.ToEquatableArray(), table._diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// The other file as a message names it: its file name, or, when both files have the same
    /// name (copies in sibling folders), its path from the folder the two share.
    /// </summary>
    private static string OtherFile(string other, string reported)
    {
        var name = System.IO.Path.GetFileName(other);
        if (name != System.IO.Path.GetFileName(reported))
        {
            return name;
        }
        var a = other.Replace('\\', '/').Split('/');
        var b = reported.Replace('\\', '/').Split('/');
        var shared = 0;
        while (shared < a.Length - 1 && shared < b.Length - 1 && a[shared] == b[shared])
        {
            shared++;
        }
        return string.Join("/", a.Skip(shared));
    }

    private AvroNamedTypeModel? Lookup(string name) =>
        _byName.TryGetValue(name, out var d) ? d : null;

    private List<AvroGeneratedType> Build(IEnumerable<SchemaFileResult> files)
    {
        var defs = Register(files);
        // A type with an unknown reference is dropped, then whatever uses it; defaults need the
        // resolved types of what they reference.
        var failed = ResolveReferences(defs);
        ConvertDefaults(defs, failed);
        PropagateFailures(defs, failed);

        var result = new List<AvroGeneratedType>();
        foreach (var def in defs)
        {
            if (failed.Contains(def.FullName))
            {
                continue;
            }
            var final = _byName[def.FullName];
            var canonical = AvroSchemaText.CanonicalForm(final, Lookup);
            result.Add(
                new AvroGeneratedType(
                    final,
                    AvroSchemaText.Json(final, Lookup),
                    canonical,
                    AvroFingerprint.Of(canonical)
                )
            );
        }
        return result;
    }

    /// <summary>Every named type once, in path order: identical copies are one type; a different type of the same Avro or C# name is reported.</summary>
    private List<AvroNamedTypeModel> Register(IEnumerable<SchemaFileResult> files)
    {
        var all = files
            .SelectMany(f => f.Types)
            .OrderBy(t => t.SourcePath, StringComparer.Ordinal)
            .ToList();
        var byCSharp = new Dictionary<string, AvroNamedTypeModel>(StringComparer.Ordinal);
        var defs = new List<AvroNamedTypeModel>();
        foreach (var def in all)
        {
            if (_byName.TryGetValue(def.FullName, out var first))
            {
                ReportRepeated(first, def);
                continue;
            }
            if (byCSharp.TryGetValue(def.CSharpFullName, out var clash))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.DuplicateGeneratedType,
                    def.Location,
                    def.Path + ".name",
                    def.CSharpFullName,
                    OtherFile(clash.SourcePath, def.SourcePath)
                );
                continue;
            }
            byCSharp.Add(def.CSharpFullName, def);
            _byName.Add(def.FullName, def);
            defs.Add(def);
        }
        return defs;
    }

    /// <summary>
    /// Self-contained .avsc files often repeat a shared type: identical copies are one type. A whole
    /// file that is a copy (its top-level type, e.g. the same schema in two folders) is one type too,
    /// with a warning saying which file it copies.
    /// </summary>
    private void ReportRepeated(AvroNamedTypeModel first, AvroNamedTypeModel def)
    {
        if (first.WithoutOrigin() != def.WithoutOrigin())
        {
            _diagnostics.Report(
                DiagnosticDescriptors.DuplicateName,
                def.Location,
                def.Path + ".name",
                def.FullName,
                OtherFile(first.SourcePath, def.SourcePath)
            );
        }
        else if (first.Path == "$" && def.Path == "$")
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SchemaFileCopy,
                def.Location,
                "$",
                def.FullName,
                OtherFile(first.SourcePath, def.SourcePath)
            );
        }
    }

    /// <summary>Resolves every field's references; returns the types with an unknown one.</summary>
    private HashSet<string> ResolveReferences(List<AvroNamedTypeModel> defs)
    {
        var resolved = new Dictionary<string, AvroNamedTypeModel>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var def in defs)
        {
            var ok = true;
            var fields = new List<AvroFieldModel>();
            foreach (var field in def.Fields)
            {
                var type = ResolveType(field.Type, def, field, ref ok);
                fields.Add(field with { Type = type });
            }
            resolved[def.FullName] = def with { Fields = fields.ToEquatableArray() };
            if (!ok)
            {
                failed.Add(def.FullName);
            }
        }
        foreach (var pair in resolved)
        {
            _byName[pair.Key] = pair.Value;
        }
        return failed;
    }

    /// <summary>Each record field's JSON default as its C# initializer; a record with an invalid one joins <paramref name="failed"/>.</summary>
    private void ConvertDefaults(List<AvroNamedTypeModel> defs, HashSet<string> failed)
    {
        var converter = new AvroDefaultValue(Lookup);
        foreach (
            var def in defs.Where(d => d.Kind == AvroKind.Record && !failed.Contains(d.FullName))
                .ToList()
        )
        {
            var current = _byName[def.FullName];
            var fields = new List<AvroFieldModel>();
            var ok = true;
            foreach (var field in current.Fields)
            {
                var converted = ConvertDefault(converter, current, field);
                ok &= converted is not null;
                fields.Add(converted ?? field with { DefaultCSharp = null });
            }
            _byName[def.FullName] = current with { Fields = fields.ToEquatableArray() };
            if (!ok)
            {
                failed.Add(def.FullName);
            }
        }
    }

    /// <summary>The field with its default converted (unchanged when it has none), or null after reporting why it cannot be.</summary>
    private AvroFieldModel? ConvertDefault(
        AvroDefaultValue converter,
        AvroNamedTypeModel record,
        AvroFieldModel field
    )
    {
        if (field.DefaultJson is null)
        {
            return field;
        }
        var csharp = converter.Convert(
            JsonParser.Parse(field.DefaultJson),
            field.Type,
            field.PropertyName,
            record.GlobalName,
            "$",
            out var error
        );
        if (csharp is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidDefault,
                field.DefaultLocation ?? record.Location,
                field.Path + ".default",
                field.AvroName,
                error.StartsWith("at $ ", StringComparison.Ordinal) ? error.Substring(5) : error
            );
            return null;
        }
        return field with { DefaultCSharp = csharp };
    }

    private void PropagateFailures(List<AvroNamedTypeModel> defs, HashSet<string> failed)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var def in defs)
            {
                if (
                    !failed.Contains(def.FullName)
                    && _byName[def.FullName].Fields.Any(f => Uses(f.Type, failed))
                )
                {
                    failed.Add(def.FullName);
                    changed = true;
                }
            }
        } while (changed);
    }

    private static bool Uses(AvroTypeModel t, HashSet<string> names) =>
        (t.IsNamed && names.Contains(t.Name))
        || (t.Items is not null && Uses(t.Items, names))
        || t.Branches.Any(b => Uses(b, names));

    private AvroTypeModel ResolveType(
        AvroTypeModel t,
        AvroNamedTypeModel owner,
        AvroFieldModel field,
        ref bool ok
    )
    {
        switch (t.Kind)
        {
            case AvroKind.Reference:
                var def =
                    Lookup(t.Name) ?? (t.FallbackName.Length > 0 ? Lookup(t.FallbackName) : null);
                if (def is null)
                {
                    _diagnostics.Report(
                        DiagnosticDescriptors.UnknownType,
                        field.TypeLocation ?? owner.Location,
                        field.Path + ".type",
                        t.Name
                    );
                    ok = false;
                    return t;
                }
                return AvroTypeModel.Primitive(def.Kind) with
                {
                    Name = def.FullName,
                    CSharpName = def.GlobalName,
                    Size = def.Size,
                    Logical = def.Logical,
                    Precision = def.Precision,
                    Scale = def.Scale,
                };
            case AvroKind.Array:
            case AvroKind.Map:
                return t with { Items = ResolveType(t.Items!, owner, field, ref ok) };
            case AvroKind.Union:
                var branches = new List<AvroTypeModel>();
                foreach (var b in t.Branches)
                {
                    branches.Add(ResolveType(b, owner, field, ref ok));
                }
                return t with { Branches = branches.ToEquatableArray() };
            default:
                return t;
        }
    }
}
