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
internal sealed class ConnectorSpecParser
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
        var config = root["config"];
        string? name = null;
        if (nameNode is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecMissingKey,
                root,
                "$",
                "name",
                ": the connector's unique name"
            );
        }
        else if (nameNode.Kind != JsonKind.String)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecWrongType,
                nameNode,
                "$.name",
                "name",
                "a string",
                Describe(nameNode)
            );
        }
        else if (!IsValidName(nameNode.Text!))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidConnectorName,
                nameNode,
                "$.name",
                nameNode.Text!
            );
        }
        else
        {
            name = nameNode.Text!;
        }
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

    private ParsedSpec ParseConfig(JsonNode config, string? name, JsonNode? nameNode)
    {
        // The connector class decides which keys exist, so it is read first. A class that is not
        // built in may be a [SourceConnector]/[SinkConnector] class of the project: the resolver,
        // which sees those, checks its keys.
        PluginModel? connector = null;
        string? userClass = null;
        var classProperty = config.Property(ConfigKeyNames.ConnectorClass);
        var classLocation = _diagnostics.Locate(config, "$.config");
        if (classProperty is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecMissingKey,
                config,
                "$.config",
                ConfigKeyNames.ConnectorClass,
                ": the connector to run (referenced: "
                    + string.Join(", ", _catalog.Plugins.Select(c => c.ClassName))
                    + ", or a [SourceConnector]/[SinkConnector] class of the project)"
            );
        }
        else
        {
            var path = "$.config['connector.class']";
            classLocation = _diagnostics.Locate(classProperty.Value, path);
            if (classProperty.Value.Kind != JsonKind.String)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.SpecWrongType,
                    classProperty.Value,
                    path,
                    ConfigKeyNames.ConnectorClass,
                    "a string",
                    Describe(classProperty.Value)
                );
            }
            else
            {
                connector = _catalog.Find(classProperty.Value.Text!);
                userClass = connector is null ? classProperty.Value.Text!.Trim() : null;
            }
        }

        var kind = connector?.Kind;
        var values = new List<SpecValue>();
        var deferred = new List<SpecEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var known = _catalog.FrameworkKeys.ToDictionary(k => k.Key.Name, StringComparer.Ordinal);
        if (connector is not null)
        {
            foreach (var key in connector.Keys)
            {
                known[key.Name] = new KnownKey(
                    key,
                    connector.Kind == ConnectorKind.Source,
                    connector.Kind == ConnectorKind.Sink,
                    false
                );
            }
        }
        var texts = new Dictionary<string, SpecEntry>(StringComparer.Ordinal);
        var transformEntries = new List<SpecEntry>();
        foreach (var property in config.Properties)
        {
            var path = "$.config['" + property.Name + "']";
            var entry = SpecValueRules.Entry(property, path, _diagnostics);
            if (!seen.Add(property.Name))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.DuplicateSpecKey,
                    entry.KeyWhere,
                    property.Name
                );
                continue;
            }
            if (
                property.Name.StartsWith(
                    ConfigKeyNames.ProducerOverridePrefix,
                    StringComparison.Ordinal
                )
                || property.Name.StartsWith(
                    ConfigKeyNames.ConsumerOverridePrefix,
                    StringComparison.Ordinal
                )
                || property.Name.StartsWith(
                    ConfigKeyNames.AdminOverridePrefix,
                    StringComparison.Ordinal
                )
            )
            {
                // Client overrides pass through to librdkafka as they are (Kafka Connect's
                // connector.client.config.override.policy=All).
                var text = entry.Kind == JsonKind.Array ? null : entry.Text;
                if (text is null)
                {
                    _diagnostics.Report(
                        DiagnosticDescriptors.SpecWrongType,
                        entry.ValueWhere,
                        property.Name,
                        "a string, number or boolean",
                        entry.Description
                    );
                }
                if (text is not null)
                {
                    values.Add(new SpecValue(property.Name, text));
                }
                continue;
            }
            if (TransformKeyName.TryParse(property.Name, out _))
            {
                // An alias's keys are known once transforms and predicates are read.
                transformEntries.Add(entry);
                continue;
            }
            if (
                !known.ContainsKey(property.Name)
                && ConverterSettingKeys.Find(property.Name) is { } setting
            )
            {
                var text = SpecValueRules.Check(setting, entry, _diagnostics.Items);
                if (text is not null)
                {
                    values.Add(new SpecValue(property.Name, text));
                }
                continue;
            }
            if (!known.TryGetValue(property.Name, out var knownKey))
            {
                if (userClass is not null)
                {
                    deferred.Add(entry);
                }
                else if (classProperty is null || connector is not null)
                {
                    var candidates = known
                        .Values.Where(k => kind is null || k.AppliesTo(kind.Value))
                        .Select(k => k.Key.Name);
                    _diagnostics.Report(
                        DiagnosticDescriptors.SpecUnknownKey,
                        entry.KeyWhere,
                        property.Name,
                        connector is null
                            ? "a connector spec"
                            : "the connector " + connector.ClassName,
                        EditDistance.Suggestion(property.Name, candidates)
                    );
                }
                continue;
            }
            if (kind is { } k && !knownKey.AppliesTo(k))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.KeyNotForKind,
                    entry.KeyWhere,
                    property.Name,
                    k == ConnectorKind.Source ? "sink" : "source",
                    connector!.ClassName,
                    k == ConnectorKind.Source ? "source" : "sink"
                );
                continue;
            }
            if (userClass is not null && !knownKey.AppliesTo(ConnectorKind.Source))
            {
                // Whether topics apply is known once the class's kind is.
                deferred.Add(entry);
                continue;
            }
            var value = SpecValueRules.Check(knownKey.Key, entry, _diagnostics.Items);
            if (value is null)
            {
                continue;
            }
            texts[property.Name] = entry with { Text = value };
            if (!knownKey.BuildTimeOnly)
            {
                values.Add(new SpecValue(property.Name, value));
            }
        }

        if (name is not null)
        {
            // Kafka Connect's REST API takes the name beside the config and rejects a config whose
            // own "name" differs; the spec does the same.
            if (texts.TryGetValue(ConfigKeyNames.Name, out var inner) && inner.Text != name)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.SpecWrongType,
                    inner.ValueWhere,
                    ConfigKeyNames.Name,
                    "the spec's name \"" + name + "\"",
                    inner.Description
                );
            }
            else if (!texts.ContainsKey(ConfigKeyNames.Name))
            {
                values.Insert(0, new SpecValue(ConfigKeyNames.Name, name));
            }
        }
        TransformSpecChecker.Check(texts, transformEntries, _catalog, _diagnostics, values);
        if (connector is not null)
        {
            foreach (var key in connector.Keys.Where(k => k.Required && IsBlank(texts, k.Name)))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.SpecMissingKey,
                    config,
                    "$.config",
                    key.Name,
                    " by the connector " + connector.ClassName + ": " + key.Doc
                );
            }
        }
        CheckRequiredWhen(connector?.Keys ?? EquatableArray<ConfigKeyModel>.Empty, texts, config);
        if (kind == ConnectorKind.Sink)
        {
            texts.TryGetValue(ConfigKeyNames.Topics, out var topics);
            texts.TryGetValue(ConfigKeyNames.TopicsRegex, out var regex);
            var conflict = TopicsConflict(
                topics,
                regex,
                _diagnostics.Locate(config, "$.config"),
                defaultTopics: false
            );
            if (conflict is not null)
            {
                _diagnostics.Items.Add(conflict);
            }
        }
        var tolerance = texts.TryGetValue(ConfigKeyNames.ErrorsTolerance, out var t)
            ? t.Text!
            : "none";
        if (
            texts.TryGetValue(ConfigKeyNames.DeadLetterQueueTopic, out var dlq)
            && dlq.Text!.Trim().Length > 0
            && !dlq.Text.Contains("${")
            && string.Equals(tolerance.Trim(), "none", StringComparison.OrdinalIgnoreCase)
        )
        {
            _diagnostics.Report(
                DiagnosticDescriptors.DeadLetterQueueNeedsToleranceAll,
                dlq.ValueWhere,
                tolerance
            );
        }

        var keySchema = SchemaOf(texts, ConfigKeyNames.KeySchema);
        var valueSchema = SchemaOf(texts, ConfigKeyNames.ValueSchema);
        var keyConverter = ConverterOf(texts, ConfigKeyNames.KeyConverter);
        var valueConverter = ConverterOf(texts, ConfigKeyNames.ValueConverter);
        if (
            connector is { ValueMustBeRecord: true }
            && valueSchema is null
            && !texts.ContainsKey(ConfigKeyNames.ValueSchema)
        )
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecMissingKey,
                config,
                "$.config",
                ConfigKeyNames.ValueSchema,
                " by the connector "
                    + connector.ClassName
                    + ", which writes generated records: name the value's .avsc or .schema.json file"
            );
        }

        return new ParsedSpec(
            _file.Path,
            NamespaceOf(),
            _file.Access.Length == 0 ? "public" : _file.Access,
            name ?? string.Empty,
            nameNode is null
                ? _diagnostics.Locate(0, 0, "$")
                : _diagnostics.Locate(nameNode, "$.name"),
            name is null ? null : connector,
            // Kept without a valid name, so that an unknown connector.class is still reported
            // with the name's error: every problem of a spec at once.
            userClass,
            classLocation,
            values.ToEquatableArray(),
            deferred.ToEquatableArray(),
            keySchema,
            valueSchema,
            keyConverter,
            valueConverter,
            _diagnostics.ToEquatableArray()
        );
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
        if (ConverterCatalog.TryGet(entry.Text!, out var kind))
        {
            return new ConverterChoice(kind, where);
        }
        _diagnostics.Report(
            DiagnosticDescriptors.UnknownConverter,
            where,
            entry.Text!,
            EditDistance.Suggestion(entry.Text!, ConverterCatalog.AllNames)
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
