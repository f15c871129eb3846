using System;
using System.Collections.Generic;
using System.Text;
using KConnector.Generator.Json;

namespace KConnector.Generator.Avro;

/// <summary>
/// Writes a named type back as a self-contained schema: every named type it uses is defined at
/// its first use and referenced by full name after that, so a type defined in another file is
/// inlined (a registry receives one complete schema). Two forms: the full schema JSON (docs,
/// aliases, defaults, logical types and other attributes kept) and the Parsing Canonical Form
/// (spec "Parsing Canonical Form for Schemas": STRIP, ORDER, FULLNAMES, no whitespace).
/// </summary>
internal sealed class AvroSchemaText
{
    private readonly Func<string, AvroNamedTypeModel?> _lookup;
    private readonly bool _canonical;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly StringBuilder _sb = new();

    private AvroSchemaText(Func<string, AvroNamedTypeModel?> lookup, bool canonical)
    {
        _lookup = lookup;
        _canonical = canonical;
    }

    public static string Json(AvroNamedTypeModel root, Func<string, AvroNamedTypeModel?> lookup)
    {
        var w = new AvroSchemaText(lookup, canonical: false);
        w.WriteNamed(root, string.Empty);
        return w._sb.ToString();
    }

    public static string CanonicalForm(
        AvroNamedTypeModel root,
        Func<string, AvroNamedTypeModel?> lookup
    )
    {
        var w = new AvroSchemaText(lookup, canonical: true);
        w.WriteNamed(root, string.Empty);
        return w._sb.ToString();
    }

    private void WriteNamed(AvroNamedTypeModel def, string enclosingNs)
    {
        _written.Add(def.FullName);
        var kind = def.Kind switch
        {
            AvroKind.Record => "record",
            AvroKind.Enum => "enum",
            _ => "fixed",
        };
        if (_canonical)
        {
            _sb.Append("{\"name\":");
            Str(def.FullName);
            _sb.Append(",\"type\":\"").Append(kind).Append('"');
        }
        else
        {
            _sb.Append("{\"type\":\"").Append(kind).Append("\",\"name\":");
            Str(def.Name);
            if (def.Namespace != enclosingNs)
            {
                _sb.Append(",\"namespace\":");
                Str(def.Namespace);
            }
            if (def.Doc is not null)
            {
                _sb.Append(",\"doc\":");
                Str(def.Doc);
            }
            Aliases(def.Aliases);
        }
        switch (def.Kind)
        {
            case AvroKind.Record:
                WriteFields(def);
                break;
            case AvroKind.Enum:
                WriteSymbols(def);
                break;
            default:
                _sb.Append(",\"size\":")
                    .Append(def.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
        if (!_canonical)
        {
            _sb.Append(def.ExtraJson);
        }
        _sb.Append('}');
    }

    /// <summary>A record's "fields": name and type, and outside the canonical form doc, default, order and aliases.</summary>
    private void WriteFields(AvroNamedTypeModel def)
    {
        _sb.Append(",\"fields\":[");
        for (var i = 0; i < def.Fields.Count; i++)
        {
            var f = def.Fields[i];
            _sb.Append(i == 0 ? "{\"name\":" : ",{\"name\":");
            Str(f.AvroName);
            _sb.Append(",\"type\":");
            WriteType(f.Type, def.Namespace);
            if (!_canonical)
            {
                if (f.Doc is not null)
                {
                    _sb.Append(",\"doc\":");
                    Str(f.Doc);
                }
                if (f.DefaultJson is not null)
                {
                    _sb.Append(",\"default\":").Append(f.DefaultJson);
                }
                if (f.Order is not null)
                {
                    _sb.Append(",\"order\":");
                    Str(f.Order);
                }
                Aliases(f.Aliases);
            }
            _sb.Append('}');
        }
        _sb.Append(']');
    }

    /// <summary>An enum's "symbols", and outside the canonical form its default.</summary>
    private void WriteSymbols(AvroNamedTypeModel def)
    {
        _sb.Append(",\"symbols\":[");
        for (var i = 0; i < def.Symbols.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append(',');
            }
            Str(def.Symbols[i]);
        }
        _sb.Append(']');
        if (!_canonical && def.EnumDefault is not null)
        {
            _sb.Append(",\"default\":");
            Str(def.EnumDefault);
        }
    }

    private void WriteType(AvroTypeModel t, string ns)
    {
        switch (t.Kind)
        {
            case AvroKind.Record:
            case AvroKind.Enum:
            case AvroKind.Fixed:
            case AvroKind.Reference:
                var def = _written.Contains(t.Name) ? null : _lookup(t.Name);
                if (def is null)
                {
                    // Spec "Names": a name without a dot is relative to the enclosing namespace,
                    // so a type of the null namespace used inside another namespace is written
                    // ".Name", which Java (Schema.Name) and avsc read as absolute; the bare name
                    // would mean enclosing.Name to them (issue 20, item 7). The canonical form
                    // keeps the full name, as the specification's FULLNAMES transformation says.
                    Str(
                        !_canonical && ns.Length > 0 && t.Name.IndexOf('.') < 0
                            ? "." + t.Name
                            : t.Name
                    );
                }
                else
                {
                    WriteNamed(def, ns);
                }
                return;
            case AvroKind.Array:
            case AvroKind.Map:
                var isArray = t.Kind == AvroKind.Array;
                _sb.Append(
                    isArray ? "{\"type\":\"array\",\"items\":" : "{\"type\":\"map\",\"values\":"
                );
                WriteType(t.Items!, ns);
                if (!_canonical)
                {
                    _sb.Append(t.ExtraJson);
                }
                _sb.Append('}');
                return;
            case AvroKind.Union:
                _sb.Append('[');
                for (var i = 0; i < t.Branches.Count; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append(',');
                    }
                    WriteType(t.Branches[i], ns);
                }
                _sb.Append(']');
                return;
            default:
                var name = t.Kind.ToString().ToLowerInvariant();
                if (_canonical || t.ExtraJson.Length == 0)
                {
                    _sb.Append('"').Append(name).Append('"');
                }
                else
                {
                    _sb.Append("{\"type\":\"")
                        .Append(name)
                        .Append('"')
                        .Append(t.ExtraJson)
                        .Append('}');
                }
                return;
        }
    }

    private void Aliases(Helpers.EquatableArray<string> aliases)
    {
        if (aliases.Count == 0)
        {
            return;
        }
        _sb.Append(",\"aliases\":[");
        for (var i = 0; i < aliases.Count; i++)
        {
            if (i > 0)
            {
                _sb.Append(',');
            }
            Str(aliases[i]);
        }
        _sb.Append(']');
    }

    private void Str(string text) =>
        _sb.Append(JsonCompactWriter.Write(new JsonNode(JsonKind.String, 0, 0, text, null, null)));
}
