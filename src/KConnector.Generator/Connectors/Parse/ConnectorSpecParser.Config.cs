using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>
/// The spec's <c>config</c> object: the connector class first (it decides which keys exist), then each
/// entry against the keys it may have, then the rules across keys. A parser reads one file, so what
/// the entries give is kept in fields.
/// </summary>
internal sealed partial class ConnectorSpecParser
{
    /// <summary>The values a worker receives, in spec order.</summary>
    private readonly List<SpecValue> _values = new();

    /// <summary>Entries checked once the kind of a project's connector class is known (by the resolver).</summary>
    private readonly List<SpecEntry> _deferred = new();

    /// <summary>Every checked entry by key (build-time keys too), for the rules across keys.</summary>
    private readonly Dictionary<string, SpecEntry> _texts = new(StringComparer.Ordinal);

    /// <summary>key.converter.* and value.converter.* entries, checked once the resolver knows the converters.</summary>
    private readonly List<SpecEntry> _converterSettings = new();

    /// <summary>Keys under transforms. and predicates., read once the aliases are known.</summary>
    private readonly List<SpecEntry> _transformEntries = new();

    private ParsedSpec ParseConfig(JsonNode config, string? name, JsonNode? nameNode)
    {
        var connectorClass = ReadConnectorClass(config);
        var known = KnownKeys(connectorClass.Plugin);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in config.Properties)
        {
            ReadEntry(property, connectorClass, known, seen);
        }
        CheckName(name);
        var transforms = TransformSpecChecker.Check(
            _texts,
            _transformEntries,
            _catalog,
            _diagnostics,
            _values
        );
        CheckRequired(config, connectorClass.Plugin);
        CheckTopicsAndDeadLetterQueue(config, connectorClass.Plugin?.Kind);
        return Build(config, name, nameNode, connectorClass) with { Transforms = transforms };
    }

    /// <summary>
    /// connector.class: a referenced plugin, or (not found among them) possibly a
    /// [SourceConnector]/[SinkConnector] class of the project, which the resolver sees and checks.
    /// </summary>
    private SpecConnectorClass ReadConnectorClass(JsonNode config)
    {
        var classProperty = config.Property(ConfigKeyNames.ConnectorClass);
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
            return new SpecConnectorClass(
                null,
                null,
                false,
                _diagnostics.Locate(config, "$.config")
            );
        }
        var path = "$.config['connector.class']";
        var where = _diagnostics.Locate(classProperty.Value, path);
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
            return new SpecConnectorClass(null, null, true, where);
        }
        var plugin = _catalog.Find(classProperty.Value.Text!);
        return new SpecConnectorClass(
            plugin,
            plugin is null ? classProperty.Value.Text!.Trim() : null,
            true,
            where
        );
    }

    /// <summary>The framework's keys and the plugin's own (a plugin's key applies to its kind only).</summary>
    private Dictionary<string, KnownKey> KnownKeys(PluginModel? connector)
    {
        var known = _catalog.FrameworkKeys.ToDictionary(k => k.Key.Name, StringComparer.Ordinal);
        foreach (var key in connector?.Keys ?? EquatableArray<ConfigKeyModel>.Empty)
        {
            known[key.Name] = new KnownKey(
                key,
                connector!.Kind == ConnectorKind.Source,
                connector.Kind == ConnectorKind.Sink,
                false
            );
        }
        return known;
    }

    private void ReadEntry(
        JsonProperty property,
        SpecConnectorClass connectorClass,
        Dictionary<string, KnownKey> known,
        HashSet<string> seen
    )
    {
        var entry = SpecValueRules.Entry(
            property,
            "$.config['" + property.Name + "']",
            _diagnostics
        );
        if (!seen.Add(property.Name))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.DuplicateSpecKey,
                entry.KeyWhere,
                property.Name
            );
        }
        else if (IsClientOverride(property.Name))
        {
            ReadClientOverride(entry);
        }
        else if (TransformKeyName.TryParse(property.Name, out _))
        {
            // An alias's keys are known once transforms and predicates are read.
            _transformEntries.Add(entry);
        }
        else if (!known.ContainsKey(property.Name) && ConverterSettingKeys.IsSetting(property.Name))
        {
            _converterSettings.Add(entry);
            AddValue(property.Name, entry.Kind == JsonKind.Array ? null : entry.Text);
        }
        else if (known.TryGetValue(property.Name, out var knownKey))
        {
            ReadKnown(entry, knownKey, connectorClass);
        }
        else
        {
            ReadUnknown(entry, connectorClass, known);
        }
    }

    private static bool IsClientOverride(string key) =>
        key.StartsWith(ConfigKeyNames.ProducerOverridePrefix, StringComparison.Ordinal)
        || key.StartsWith(ConfigKeyNames.ConsumerOverridePrefix, StringComparison.Ordinal)
        || key.StartsWith(ConfigKeyNames.AdminOverridePrefix, StringComparison.Ordinal);

    /// <summary>
    /// Client overrides pass through to librdkafka as they are (Kafka Connect's
    /// connector.client.config.override.policy=All): any scalar.
    /// </summary>
    private void ReadClientOverride(SpecEntry entry)
    {
        var text = entry.Kind == JsonKind.Array ? null : entry.Text;
        if (text is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecWrongType,
                entry.ValueWhere,
                entry.Key,
                "a string, number or boolean",
                entry.Description
            );
        }
        AddValue(entry.Key, text);
    }

    private void AddValue(string key, string? text)
    {
        if (text is not null)
        {
            _values.Add(new SpecValue(key, text));
        }
    }

    private void ReadKnown(SpecEntry entry, KnownKey knownKey, SpecConnectorClass connectorClass)
    {
        if (connectorClass.Plugin is { } plugin && !knownKey.AppliesTo(plugin.Kind))
        {
            var source = plugin.Kind == ConnectorKind.Source;
            _diagnostics.Report(
                DiagnosticDescriptors.KeyNotForKind,
                entry.KeyWhere,
                entry.Key,
                source ? "sink" : "source",
                plugin.ClassName,
                source ? "source" : "sink"
            );
            return;
        }
        if (connectorClass.UserClass is not null && !knownKey.AppliesTo(ConnectorKind.Source))
        {
            // Whether topics apply is known once the class's kind is.
            _deferred.Add(entry);
            return;
        }
        var value = SpecValueRules.Check(knownKey.Key, entry, _diagnostics.Items);
        if (value is null)
        {
            return;
        }
        _texts[entry.Key] = entry with { Text = value };
        if (!knownKey.BuildTimeOnly)
        {
            _values.Add(new SpecValue(entry.Key, value));
        }
    }

    /// <summary>A key neither the framework nor the plugin has: checked later for a project's class, else KCN with a did-you-mean.</summary>
    private void ReadUnknown(
        SpecEntry entry,
        SpecConnectorClass connectorClass,
        Dictionary<string, KnownKey> known
    )
    {
        if (connectorClass.UserClass is not null)
        {
            _deferred.Add(entry);
            return;
        }
        var plugin = connectorClass.Plugin;
        if (connectorClass.Given && plugin is null)
        {
            // connector.class has the wrong type: that is the error, not the keys it would have.
            return;
        }
        var candidates = known
            .Values.Where(k => plugin is null || k.AppliesTo(plugin.Kind))
            .Select(k => k.Key.Name);
        _diagnostics.Report(
            DiagnosticDescriptors.SpecUnknownKey,
            entry.KeyWhere,
            entry.Key,
            plugin is null ? "a connector spec" : "the connector " + plugin.ClassName,
            EditDistance.Suggestion(entry.Key, candidates)
        );
    }

    /// <summary>
    /// Kafka Connect's REST API takes the name beside the config and rejects a config whose own
    /// "name" differs; the spec does the same.
    /// </summary>
    private void CheckName(string? name)
    {
        if (name is null)
        {
            return;
        }
        if (_texts.TryGetValue(ConfigKeyNames.Name, out var inner) && inner.Text != name)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecWrongType,
                inner.ValueWhere,
                ConfigKeyNames.Name,
                "the spec's name \"" + name + "\"",
                inner.Description
            );
        }
        else if (!_texts.ContainsKey(ConfigKeyNames.Name))
        {
            _values.Insert(0, new SpecValue(ConfigKeyNames.Name, name));
        }
    }

    private void CheckRequired(JsonNode config, PluginModel? connector)
    {
        if (connector is not null)
        {
            foreach (var key in connector.Keys.Where(k => k.Required && IsBlank(_texts, k.Name)))
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
        CheckRequiredWhen(connector?.Keys ?? EquatableArray<ConfigKeyModel>.Empty, _texts, config);
    }

    /// <summary>The framework's rules across keys, as ConnectorConfigRules states them at run time.</summary>
    private void CheckTopicsAndDeadLetterQueue(JsonNode config, ConnectorKind? kind)
    {
        if (kind == ConnectorKind.Sink)
        {
            _texts.TryGetValue(ConfigKeyNames.Topics, out var topics);
            _texts.TryGetValue(ConfigKeyNames.TopicsRegex, out var regex);
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
        var tolerance = _texts.TryGetValue(ConfigKeyNames.ErrorsTolerance, out var t)
            ? t.Text!
            : "none";
        if (
            _texts.TryGetValue(ConfigKeyNames.DeadLetterQueueTopic, out var dlq)
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
    }

    private ParsedSpec Build(
        JsonNode config,
        string? name,
        JsonNode? nameNode,
        SpecConnectorClass connectorClass
    )
    {
        var connector = connectorClass.Plugin;
        var keySchema = SchemaOf(_texts, ConfigKeyNames.KeySchema);
        var valueSchema = SchemaOf(_texts, ConfigKeyNames.ValueSchema);
        var keyConverter = ConverterOf(_texts, ConfigKeyNames.KeyConverter);
        var valueConverter = ConverterOf(_texts, ConfigKeyNames.ValueConverter);
        HeaderConverterCheck.Check(_texts, _catalog, _diagnostics);
        if (
            connector is { ValueMustBeRecord: true }
            && valueSchema is null
            && !_texts.ContainsKey(ConfigKeyNames.ValueSchema)
            && !SchemalessSide.Value(connector, valueConverter)
        )
        {
            _diagnostics.Report(
                DiagnosticDescriptors.SpecMissingKey,
                config,
                "$.config",
                ConfigKeyNames.ValueSchema,
                " by the connector "
                    + connector.ClassName
                    + (
                        SchemalessSide.ConnectorTakes(connector)
                            ? ", which writes generated records or schemaless JSON: name the value's .avsc or .schema.json file, or set value.converter to org.apache.kafka.connect.json.JsonConverter for schemaless JSON"
                        : connector.MapsRecords
                            ? ", which maps the value's fields by its schema (schemaless JSON has none): name the value's .avsc or .schema.json file"
                        : ", which writes generated records: name the value's .avsc or .schema.json file"
                    )
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
            connectorClass.UserClass,
            connectorClass.Where,
            _values.ToEquatableArray(),
            _deferred.ToEquatableArray(),
            _converterSettings.ToEquatableArray(),
            keySchema,
            valueSchema,
            keyConverter,
            valueConverter,
            _diagnostics.ToEquatableArray()
        );
    }
}
