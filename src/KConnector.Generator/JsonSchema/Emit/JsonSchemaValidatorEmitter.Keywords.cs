using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Emit;
using KConnector.Generator.Json;
using KConnector.Generator.JsonSchema.Validation;

namespace KConnector.Generator.JsonSchema;

internal static partial class JsonSchemaValidatorEmitter
{
    private const string Formats = "global::KConnector.JsonSchema.JsonSchemaFormats";

    // The formats NJsonSchema checks, with its error kinds; any other format is an annotation.
    private static readonly Dictionary<string, (string Check, string Kind)> FormatChecks = new()
    {
        ["date-time"] = ("IsDateTime", "DateTimeExpected"),
        ["date"] = ("IsDate", "DateExpected"),
        ["time"] = ("IsTime", "TimeExpected"),
        ["email"] = ("IsEmail", "EmailExpected"),
        ["uuid"] = ("IsUuid", "UuidExpected"),
        ["guid"] = ("IsGuid", "GuidExpected"),
        ["uri"] = ("IsUri", "UriExpected"),
        ["hostname"] = ("IsHostname", "HostnameExpected"),
        ["ipv4"] = ("IsIpV4", "IpV4Expected"),
        ["ipv6"] = ("IsIpV6", "IpV6Expected"),
        ["byte"] = ("IsBase64", "Base64Expected"),
        ["base64"] = ("IsBase64", "Base64Expected"),
        ["time-span"] = ("IsTimeSpan", "TimeSpanExpected"),
    };

    private static void WriteValueKeywords(SourceWriter w, ValidationNode node)
    {
        using (w.WriteBlock($"private static bool V{node.Id}{Signature}"))
        {
            w.WriteLine("var ok = true;");
            if (node.HasStringKeywords)
            {
                using (w.WriteBlock($"if (r.TokenType == {Token}.String)"))
                {
                    WriteString(w, node);
                }
            }
            if (node.HasNumberKeywords)
            {
                using (w.WriteBlock($"if (r.TokenType == {Token}.Number)"))
                {
                    WriteNumber(w, node);
                }
            }
            if (node.HasArrayKeywords)
            {
                using (w.WriteBlock($"if (r.TokenType == {Token}.StartArray)"))
                {
                    WriteArray(w, node);
                }
            }
            w.WriteLine("return ok;");
        }
    }

    private static void WriteString(SourceWriter w, ValidationNode node)
    {
        var format =
            node.Format is { } f && FormatChecks.TryGetValue(f, out var check) ? check : default;
        var needsText = node.Pattern is not null || format.Check is not null;
        if (needsText)
        {
            w.WriteLine("global::System.Span<char> buffer = stackalloc char[256];");
            // Copied into the stack buffer (no allocation) unless longer: JSON escapes only shorten a value.
            w.WriteLine(
                "var text = r.ValueSpan.Length <= buffer.Length ? buffer[..r.CopyString(buffer)] : global::System.MemoryExtensions.AsSpan(r.GetString() ?? string.Empty);"
            );
        }
        if (node.MinLength is not null || node.MaxLength is not null)
        {
            w.WriteLine(
                needsText
                    ? $"var length = {Checks}.Length(text);"
                    : $"var length = {Checks}.Length(ref r);"
            );
        }
        if (node.Pattern is not null)
        {
            w.WriteLine(
                $"if (!P{node.Id}.IsMatch(text)) {{ ok = false; c.Fail(\"PatternMismatch\"); }}"
            );
        }
        if (node.MinLength is { } min)
        {
            w.WriteLine($"if (length < {min}) {{ ok = false; c.Fail(\"StringTooShort\"); }}");
        }
        if (node.MaxLength is { } max)
        {
            w.WriteLine($"if (length > {max}) {{ ok = false; c.Fail(\"StringTooLong\"); }}");
        }
        if (format.Check is not null)
        {
            w.WriteLine(
                $"if (!{Formats}.{format.Check}(text)) {{ ok = false; c.Fail(\"{format.Kind}\"); }}"
            );
        }
    }

    private static void WriteNumber(SourceWriter w, ValidationNode node)
    {
        void Bound(decimal? bound, string test, string kind)
        {
            if (bound is { } b)
            {
                w.WriteLine(
                    $"if ({Checks}.Compare(ref r, {Decimal(b)}) {test}) {{ ok = false; c.Fail(\"{kind}\"); }}"
                );
            }
        }
        Bound(node.Minimum, node.MinimumExclusive ? "<= 0" : "< 0", "NumberTooSmall");
        Bound(node.Maximum, node.MaximumExclusive ? ">= 0" : "> 0", "NumberTooBig");
        Bound(node.ExclusiveMinimum, "<= 0", "NumberTooSmall");
        Bound(node.ExclusiveMaximum, ">= 0", "NumberTooBig");
        if (node.MultipleOf is { } m)
        {
            w.WriteLine(
                $"if (!{Checks}.IsMultipleOf(ref r, {Decimal(m)})) {{ ok = false; c.Fail(\"NumberNotMultipleOf\"); }}"
            );
        }
    }

    private static void WriteArray(SourceWriter w, ValidationNode node)
    {
        if (node.UniqueItems)
        {
            w.WriteLine(
                $"if (!{Checks}.ItemsUnique(r)) {{ ok = false; c.Fail(\"ItemsNotUnique\"); }}"
            );
        }
        w.WriteLine("var count = 0;");
        using (w.WriteBlock($"while (r.Read() && r.TokenType != {Token}.EndArray)"))
        {
            if (node.Items is { } items)
            {
                w.WriteLine("c.EnterItem(count);");
                w.WriteLine($"ok = N{items}(ref r, c) && ok;");
                w.WriteLine("c.Leave();");
            }
            else
            {
                w.WriteLine("r.Skip();");
            }
            w.WriteLine("count++;");
        }
        if (node.MinItems is { } min)
        {
            w.WriteLine($"if (count < {min}) {{ ok = false; c.Fail(\"TooFewItems\"); }}");
        }
        if (node.MaxItems is { } max)
        {
            w.WriteLine($"if (count > {max}) {{ ok = false; c.Fail(\"TooManyItems\"); }}");
        }
    }

    private static void WriteObject(SourceWriter w, ValidationNode node)
    {
        var required = node
            .Properties.Where(p => p.Required)
            .Select(p => p.Name)
            .Concat(node.RequiredOnly)
            .ToList();
        using (w.WriteBlock($"private static bool O{node.Id}{Signature}"))
        {
            w.WriteLine("var ok = true;");
            w.WriteLine("var count = 0;");
            for (var i = 0; i < required.Count; i++)
            {
                w.WriteLine($"var seen{i} = false;");
            }
            using (w.WriteBlock($"while (r.Read() && r.TokenType != {Token}.EndObject)"))
            {
                w.WriteLine("count++;");
                var first = true;
                foreach (var property in node.Properties)
                {
                    using (
                        w.WriteBlock(
                            $"{(first ? "" : "else ")}if (r.ValueTextEquals({Utf8(property.Name)}))"
                        )
                    )
                    {
                        var index = required.IndexOf(property.Name);
                        if (property.Required)
                        {
                            w.WriteLine($"seen{index} = true;");
                        }
                        w.WriteLine("r.Read();");
                        w.WriteLine($"c.Enter({CSharpLiteral.Quote(property.Name)});");
                        w.WriteLine($"ok = N{property.Node}(ref r, c) && ok;");
                        w.WriteLine("c.Leave();");
                    }
                    first = false;
                }
                using (w.WriteBlock(first ? "if (true)" : "else"))
                {
                    WriteUndeclared(w, node, required);
                }
            }
            for (var i = 0; i < required.Count; i++)
            {
                w.WriteLine(
                    $"if (!seen{i}) {{ ok = false; c.FailAt(\"PropertyRequired\", {CSharpLiteral.Quote(required[i])}); }}"
                );
            }
            if (node.MinProperties is { } min)
            {
                w.WriteLine($"if (count < {min}) {{ ok = false; c.Fail(\"TooFewProperties\"); }}");
            }
            if (node.MaxProperties is { } max)
            {
                w.WriteLine($"if (count > {max}) {{ ok = false; c.Fail(\"TooManyProperties\"); }}");
            }
            w.WriteLine("return ok;");
        }
    }

    private static void WriteUndeclared(SourceWriter w, ValidationNode node, List<string> required)
    {
        foreach (var name in node.RequiredOnly)
        {
            w.WriteLine(
                $"if (r.ValueTextEquals({Utf8(name)})) seen{required.IndexOf(name)} = true;"
            );
        }
        switch (node.Additional)
        {
            case -1:
                w.WriteLine($"ok = false;");
                w.WriteLine(
                    $"c.FailAt(\"NoAdditionalPropertiesAllowed\", {Checks}.MemberName(ref r));"
                );
                w.WriteLine("r.Read();");
                w.WriteLine("r.Skip();");
                break;
            case { } schema:
                w.WriteLine($"c.Enter({Checks}.MemberName(ref r));");
                w.WriteLine("r.Read();");
                w.WriteLine($"ok = N{schema}(ref r, c) && ok;");
                w.WriteLine("c.Leave();");
                break;
            default:
                w.WriteLine("r.Read();");
                w.WriteLine("r.Skip();");
                break;
        }
    }

    private static void WriteStatics(SourceWriter w, ValidationPlan plan)
    {
        foreach (var node in plan.Nodes)
        {
            if (node.Pattern is { } pattern)
            {
                // Interpreted, not RegexOptions.Compiled: AOT has no Reflection.Emit. NJsonSchema's options (none).
                w.WriteLine(
                    $"private static readonly global::System.Text.RegularExpressions.Regex P{node.Id} = new({CSharpLiteral.Quote(pattern)});"
                );
            }
            WriteLiterals(w, node.Enum, "E" + node.Id);
            WriteLiterals(
                w,
                node.Const is null ? null : new List<string> { node.Const },
                "K" + node.Id
            );
        }
    }

    private static void WriteLiterals(SourceWriter w, List<string>? values, string name)
    {
        if (values is null || values.All(v => v.StartsWith("\"", System.StringComparison.Ordinal)))
        {
            return;
        }
        var literals = string.Join(", ", values.Select(v => CSharpLiteral.Quote(v)));
        w.WriteLine(
            $"private static readonly global::System.Text.Json.JsonElement[] {name} = {Checks}.Literals({literals});"
        );
    }

    private static string Decimal(decimal value) =>
        value.ToString(CultureInfo.InvariantCulture) + "m";

    private static string Utf8(string text) => CSharpLiteral.Quote(text) + "u8";

    private static string Unquote(string json) => JsonParser.Parse(json).Text ?? string.Empty;
}
