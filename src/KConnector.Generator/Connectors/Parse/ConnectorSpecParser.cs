using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Reads a <c>*.connector.json</c> spec (Kafka Connect's REST shape, <c>{"name", "config"}</c>) and
/// checks everything that needs no other file: keys, value types, enumerations, ranges, converters and
/// the connector class. Pure: it knows nothing of Roslyn beyond spans. Never throws.
/// </summary>
internal sealed partial class ConnectorSpecParser
{
    private static readonly string[] TopLevelKeys = { "$schema", "name", "config" };

    private readonly ConnectorSource _file;
    private readonly PluginCatalog _catalog;
    private readonly DiagnosticBag _diagnostics;

    private ConnectorSpecParser(ConnectorSource file, PluginCatalog catalog)
    {
        _file = file;
        _catalog = catalog;
        _diagnostics = new DiagnosticBag(file.Path, file.Text);
    }

    /// <summary>Parses <paramref name="file"/> against the plugins and framework keys of <paramref name="catalog"/>.</summary>
    public static ParsedSpec Parse(ConnectorSource file, PluginCatalog catalog)
    {
        var parser = new ConnectorSpecParser(file, catalog);
        try
        {
            return parser.ParseFile();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The generator must never throw (a crash becomes an opaque AD0001 warning): report it.
            parser._diagnostics.Report(
                DiagnosticDescriptors.GeneratorFailure,
                parser._diagnostics.Locate(0, 0, "$"),
                e.GetType().Name + ": " + e.Message
            );
            return parser.Failed();
        }
    }

    private ParsedSpec Failed() =>
        new(
            _file.Path,
            string.Empty,
            string.Empty,
            string.Empty,
            _diagnostics.Locate(0, 0, "$"),
            null,
            null,
            _diagnostics.Locate(0, 0, "$"),
            EquatableArray<SpecValue>.Empty,
            EquatableArray<SpecEntry>.Empty,
            EquatableArray<SpecEntry>.Empty,
            null,
            null,
            null,
            null,
            _diagnostics.ToEquatableArray()
        );

    private ParsedSpec ParseFile()
    {
        JsonNode root;
        try
        {
            root = JsonParser.Parse(_file.Text);
        }
        catch (JsonSyntaxException e)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecInvalidJson,
                _diagnostics.Locate(e.Offset, e.Offset, "$"),
                e.Message
            );
            return Failed();
        }
        if (root.Kind != JsonKind.Object)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecWrongType,
                root,
                "$",
                "$",
                "an object {\"name\": ..., \"config\": {...}}",
                Describe(root)
            );
            return Failed();
        }
        CheckKeys(root, "$", TopLevelKeys, "a connector spec");
        var nameNode = root["name"];
        var name = ReadName(root, nameNode);
        var config = root["config"];
        if (config is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecMissingKey,
                root,
                "$",
                "config",
                ": the connector's config, as Kafka Connect's REST API takes it"
            );
            return Failed();
        }
        if (config.Kind != JsonKind.Object)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecWrongType,
                config,
                "$.config",
                "config",
                "an object",
                Describe(config)
            );
            return Failed();
        }
        return ParseConfig(config, name, nameNode);
    }

    /// <summary>The spec's "name" (Kafka Connect's REST shape), or null after reporting it missing, not a string or invalid.</summary>
    private string? ReadName(JsonNode root, JsonNode? nameNode)
    {
        if (nameNode is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecMissingKey,
                root,
                "$",
                "name",
                ": the connector's unique name"
            );
            return null;
        }
        if (nameNode.Kind != JsonKind.String)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecWrongType,
                nameNode,
                "$.name",
                "name",
                "a string",
                Describe(nameNode)
            );
            return null;
        }
        if (!IsValidName(nameNode.Text!))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidConnectorName,
                nameNode,
                "$.name",
                nameNode.Text!
            );
            return null;
        }
        return nameNode.Text!;
    }

    private static bool IsBlank(Dictionary<string, SpecEntry> texts, string key) =>
        !texts.TryGetValue(key, out var entry) || entry.Text!.Trim().Length == 0;

    /// <summary>
    /// KCN0201 for a key the definitions require because another key has a given value (as
    /// ConfigDefinition.Parse reports it at run time), for the plugin's keys and the framework's.
    /// </summary>
    private void CheckRequiredWhen(
        IEnumerable<ConfigKeyModel> pluginKeys,
        Dictionary<string, SpecEntry> texts,
        JsonNode config
    )
    {
        var keys = pluginKeys.Concat(_catalog.FrameworkKeys.Select(k => k.Key)).ToList();
        foreach (var key in keys)
        {
            if (
                key.RequiredWhenKey is not { } other
                || !IsBlank(texts, key.Name)
                || !string.IsNullOrWhiteSpace(key.Default)
            )
            {
                continue;
            }
            var given = texts.TryGetValue(other, out var entry)
                ? entry.Text
                : keys.FirstOrDefault(k => k.Name == other)?.Default;
            if (
                given is not null
                && !given.Contains("${")
                && key.RequiredWhenValues.Any(v =>
                    string.Equals(v, given.Trim(), StringComparison.OrdinalIgnoreCase)
                )
            )
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.SpecMissingKey,
                    config,
                    "$.config",
                    key.Name,
                    " when " + other + " is '" + given.Trim() + "': " + key.Doc
                );
            }
        }
    }

    /// <summary>
    /// KCN0218 unless exactly one of topics and topics.regex is given; a sink class whose attribute
    /// names default topics needs neither.
    /// </summary>
    internal static Models.DiagnosticInfo? TopicsConflict(
        SpecEntry? topics,
        SpecEntry? regex,
        SpecLocation config,
        bool defaultTopics
    )
    {
        var hasTopics = topics?.Text is { } a && a.Trim().Length > 0;
        var hasRegex = regex?.Text is { } b && b.Trim().Length > 0;
        if (hasTopics && hasRegex)
        {
            return DiagnosticBag.Create(
                DiagnosticDescriptors.TopicsConflict,
                topics!.ValueWhere,
                ", not both"
            );
        }
        if (!hasTopics && !hasRegex && !defaultTopics)
        {
            return DiagnosticBag.Create(
                DiagnosticDescriptors.TopicsConflict,
                config,
                "; neither is given"
            );
        }
        return null;
    }

    private string NamespaceOf()
    {
        if (_file.NamespaceOverride.Length > 0)
        {
            return _file.NamespaceOverride;
        }
        return _file.RootNamespace.Length > 0 ? _file.RootNamespace : "KConnector.Generated";
    }

    private SchemaReference? SchemaOf(Dictionary<string, SpecEntry> texts, string key)
    {
        if (!texts.TryGetValue(key, out var entry) || entry.Text!.Trim().Length == 0)
        {
            return null;
        }
        var written = entry.Text!.Trim();
        return new SchemaReference(written, ResolveRelative(_file.Path, written), entry.ValueWhere);
    }

    private ConverterChoice? ConverterOf(Dictionary<string, SpecEntry> texts, string key)
    {
        if (!texts.TryGetValue(key, out var entry))
        {
            // The resolver picks the type's converter (Kafka Connect takes the worker's converter;
            // a compiled worker knows the type and can choose).
            return ConverterChoice.Unspecified;
        }
        var where = entry.ValueWhere;
        if (ConverterCatalog.Find(_catalog, entry.Text!) is { } converter)
        {
            return new ConverterChoice(converter, where);
        }
        _diagnostics.Report(
            DiagnosticDescriptors.UnknownConverter,
            where,
            entry.Text!,
            EditDistance.Suggestion(entry.Text!, ConverterCatalog.AllNames(_catalog))
        );
        return null;
    }

    private void CheckKeys(JsonNode node, string path, string[] allowed, string what)
    {
        foreach (var property in node.Properties)
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                var at = path + "['" + property.Name + "']";
                _diagnostics.Report(
                    DiagnosticDescriptors.SpecUnknownKey,
                    _diagnostics.Locate(property.NameStart, property.NameEnd, at),
                    property.Name,
                    what + " (whose keys are name and config; connector settings go inside config)",
                    EditDistance.Suggestion(property.Name, allowed)
                );
            }
        }
    }

    internal static string Describe(JsonNode node) =>
        node.Kind switch
        {
            JsonKind.String => "the string \"" + node.Text + "\"",
            JsonKind.Number => "the number " + node.Text,
            JsonKind.True => "true",
            JsonKind.False => "false",
            JsonKind.Null => "null",
            JsonKind.Array => "an array",
            _ => "an object",
        };

    internal static bool IsValidName(string name)
    {
        var hasLetter = false;
        foreach (var c in name)
        {
            if (char.IsLetter(c))
            {
                hasLetter = true;
            }
            else if (!char.IsDigit(c) && c != '.' && c != '-' && c != '_')
            {
                return false;
            }
        }
        return hasLetter && name.Length > 0 && char.IsLetterOrDigit(name[0]);
    }

    /// <summary>Resolves a path written relative to the spec's folder, with / or \ separators.</summary>
    internal static string ResolveRelative(string specPath, string written)
    {
        var separator = specPath.IndexOf('\\') >= 0 && specPath.IndexOf('/') < 0 ? '\\' : '/';
        var normalizedSpec = specPath.Replace('\\', '/');
        var relative = written.Replace('\\', '/');
        var parts = new List<string>();
        if (
            !relative.StartsWith("/", StringComparison.Ordinal)
            && !(relative.Length > 1 && relative[1] == ':')
        )
        {
            var slash = normalizedSpec.LastIndexOf('/');
            parts.AddRange(normalizedSpec.Substring(0, Math.Max(0, slash)).Split('/'));
        }
        foreach (var part in relative.Split('/'))
        {
            if (part == "." || (part.Length == 0 && parts.Count > 0))
            {
                continue;
            }
            if (part == ".." && parts.Count > 1)
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return NormalizePath(string.Join("/", parts)).Replace('/', separator);
    }

    internal static string NormalizePath(string path) => path.Replace('\\', '/');
}
