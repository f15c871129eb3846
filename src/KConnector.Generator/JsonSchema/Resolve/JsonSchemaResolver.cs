using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.JsonSchema;

/// <summary>
/// Resolves every $ref across all *.schema.json files of the project: "#/$defs/X" and
/// "#/definitions/X" in the same file, "other.schema.json#/$defs/Y" by path relative to the
/// referring file, and absolute or relative URIs against the files' "$id"s (draft 2020-12
/// section 8.2, "Base URI, Anchors, and Dereferencing"). Also finds two schemas that would
/// generate the same C# type. Runs over the collected files: only here are all of them known.
/// </summary>
internal sealed class JsonSchemaResolver
{
    private readonly Dictionary<string, JsonTypeDeclaration> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonSchemaFileModel> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonSchemaFileModel> _byId = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics = new();
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cyclic = new(StringComparer.Ordinal);

    public static JsonSchemaTypeSet Resolve(ImmutableArray<JsonSchemaFileModel> files)
    {
        var resolver = new JsonSchemaResolver();
        try
        {
            return resolver.ResolveAll(files);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = new DiagnosticBag();
            failure.ReportUnlocated(
                DiagnosticDescriptors.JsonSchemaGeneratorFailure,
                "*.schema.json",
                "$",
                e.GetType().Name + ": " + e.Message
            );
            return new JsonSchemaTypeSet(
                EquatableArray<JsonTypeDeclaration>.Empty,
                failure.ToEquatableArray()
            );
        }
    }

    private JsonSchemaTypeSet ResolveAll(ImmutableArray<JsonSchemaFileModel> files)
    {
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        foreach (var file in ordered)
        {
            var path = SchemaPaths.Normalize(file.Path);
            if (!_byPath.ContainsKey(path))
            {
                _byPath.Add(path, file);
            }
            if (file.Id.Length > 0 && SchemaPaths.IsAbsoluteUri(file.Id))
            {
                _byId[file.Id.TrimEnd('#')] = file;
            }
            foreach (var declaration in file.Declarations)
            {
                var key = path + "#" + declaration.Pointer;
                if (!_byKey.ContainsKey(key))
                {
                    _byKey.Add(key, declaration);
                }
            }
        }

        var types = new List<JsonTypeDeclaration>();
        // Case-insensitive: generated file names (hint names) must differ ignoring case, as on Windows file systems.
        var byName = new Dictionary<string, JsonTypeDeclaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in ordered)
        {
            foreach (var declaration in file.Declarations)
            {
                var resolved = ResolveDeclaration(declaration, file);
                if (resolved.SchemaText is not null)
                {
                    resolved = resolved with { References = References(file) };
                }
                if (resolved.Kind == JsonDeclarationKind.Alias)
                {
                    continue;
                }
                if (byName.TryGetValue(resolved.FullName, out var first))
                {
                    _diagnostics.Report(
                        DiagnosticDescriptors.JsonSchemaDuplicateType,
                        resolved.Location,
                        resolved.JsonPath,
                        resolved.FullName,
                        System.IO.Path.GetFileName(first.SourcePath)
                            + (
                                first.Pointer.Length > 0
                                    ? " (#" + first.Pointer + ")"
                                    : string.Empty
                            )
                    );
                    continue;
                }
                byName.Add(resolved.FullName, resolved);
                types.Add(resolved);
            }
        }
        return new JsonSchemaTypeSet(types.ToEquatableArray(), _diagnostics.ToEquatableArray());
    }

    private JsonTypeDeclaration ResolveDeclaration(
        JsonTypeDeclaration declaration,
        JsonSchemaFileModel file
    ) =>
        declaration with
        {
            Properties = declaration
                .Properties.Select(p => p with { Type = Resolve(p.Type, file) })
                .ToEquatableArray(),
            AdditionalType = declaration.AdditionalType is { } additional
                ? Resolve(additional, file)
                : null,
            Branches = declaration
                .Branches.Select(b => b with { Type = Resolve(b.Type, file) })
                .ToEquatableArray(),
            AliasOf = declaration.AliasOf is { } alias ? Resolve(alias, file) : null,
        };

    private JsonTypeRef Resolve(JsonTypeRef type, JsonSchemaFileModel file) =>
        Resolve(type, file, new HashSet<string>(StringComparer.Ordinal));

    private JsonTypeRef Resolve(
        JsonTypeRef type,
        JsonSchemaFileModel file,
        HashSet<string> visiting
    )
    {
        if (type.Element is { } element)
        {
            return type with { Element = Resolve(element, file, visiting) };
        }
        if (type.Kind != JsonTypeKind.Ref)
        {
            return type;
        }
        var key = TargetKey(file, type.Target, out var targetFile, out var problem);
        if (key is null || !_byKey.TryGetValue(key, out var declaration))
        {
            ReportRef(
                DiagnosticDescriptors.JsonSchemaUnresolvedRef,
                type,
                problem
                    ?? $"{System.IO.Path.GetFileName(targetFile!.Path)} has no schema at \"{Fragment(type.Target)}\" that the generator declares (the root, $defs, definitions or an object property)"
            );
            return new JsonTypeRef(JsonTypeKind.Any, type.Nullable);
        }
        if (declaration.Kind != JsonDeclarationKind.Alias)
        {
            var kind = declaration.Kind switch
            {
                JsonDeclarationKind.Record => JsonTypeKind.Record,
                JsonDeclarationKind.Enum => JsonTypeKind.Enum,
                _ => JsonTypeKind.Union,
            };
            return new JsonTypeRef(kind, type.Nullable, null, declaration.FullName);
        }
        if (_cyclic.Contains(key))
        {
            // Already reported, at the $ref that closed the cycle.
            return new JsonTypeRef(JsonTypeKind.Any, type.Nullable);
        }
        if (!visiting.Add(key))
        {
            _cyclic.UnionWith(visiting);
            ReportRef(DiagnosticDescriptors.JsonSchemaRefCycle, type, null);
            return new JsonTypeRef(JsonTypeKind.Any, type.Nullable);
        }
        var aliased = Resolve(declaration.AliasOf!, targetFile!, visiting);
        visiting.Remove(key);
        return aliased.WithNullable(aliased.Nullable || type.Nullable);
    }

    /// <summary>The declaration key a $ref names, and the file it lies in; null with a reason when there is none.</summary>
    private string? TargetKey(
        JsonSchemaFileModel from,
        string reference,
        out JsonSchemaFileModel? file,
        out string? problem
    )
    {
        file = null;
        problem = null;
        var hash = reference.IndexOf('#');
        var address = hash >= 0 ? reference.Substring(0, hash) : reference;
        var fragment = Fragment(reference);
        if (fragment.Length > 0 && fragment[0] != '/')
        {
            problem =
                "plain-name fragments ($anchor) are not supported; use a JSON pointer such as #/$defs/Name";
            return null;
        }
        file = FindFile(from, address);
        if (file is null)
        {
            problem =
                $"no *.schema.json file of the project is \"{address}\" (by path relative to this file, or by $id)";
            return null;
        }
        return SchemaPaths.Normalize(file.Path) + "#" + fragment;
    }

    private JsonSchemaFileModel? FindFile(JsonSchemaFileModel from, string address)
    {
        if (address.Length == 0)
        {
            return from;
        }
        JsonSchemaFileModel? file = null;
        if (SchemaPaths.IsAbsoluteUri(address))
        {
            _byId.TryGetValue(address, out file);
            return file;
        }
        if (from.Id.Length > 0 && SchemaPaths.IsAbsoluteUri(from.Id))
        {
            var combined = new Uri(new Uri(from.Id), address).ToString();
            _byId.TryGetValue(combined, out file);
        }
        if (file is null)
        {
            _byPath.TryGetValue(SchemaPaths.Combine(from.Path, address), out file);
        }
        return file;
    }

    /// <summary>
    /// The documents a validator needs beside <paramref name="root"/>'s own: every file its $refs
    /// name, and the files those name in turn, keyed by the address as written.
    /// </summary>
    private EquatableArray<JsonSchemaReferenceModel> References(JsonSchemaFileModel root)
    {
        var result = new List<JsonSchemaReferenceModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { root.Path };
        var queue = new Queue<JsonSchemaFileModel>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            foreach (var address in file.ExternalAddresses)
            {
                var target = FindFile(file, address);
                if (target is null || !seen.Add(target.Path))
                {
                    continue;
                }
                result.Add(new JsonSchemaReferenceModel(address, target.CompactText));
                queue.Enqueue(target);
            }
        }
        return result.ToEquatableArray();
    }

    private static string Fragment(string reference)
    {
        var hash = reference.IndexOf('#');
        return hash >= 0 ? Uri.UnescapeDataString(reference.Substring(hash + 1)) : string.Empty;
    }

    private void ReportRef(
        Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor,
        JsonTypeRef type,
        string? problem
    )
    {
        var location = type.Location;
        var dedupe = descriptor.Id + "|" + location + "|" + type.Target;
        if (!_reported.Add(dedupe))
        {
            return;
        }
        var details = problem is null ? new[] { type.Target } : new[] { type.Target, problem };
        if (location is null)
        {
            _diagnostics.ReportUnlocated(descriptor, "*.schema.json", type.JsonPath, details);
        }
        else
        {
            _diagnostics.Report(descriptor, location, type.JsonPath, details);
        }
    }
}
