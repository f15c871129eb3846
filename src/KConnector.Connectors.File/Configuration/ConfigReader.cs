using System.Globalization;

namespace KConnector.Connectors.Configuration;

/// <summary>
/// Reads typed values from a connector's string properties, following a list of
/// <see cref="ConfigKey"/>s (defaults, valid values), and collects every problem so that a user
/// sees them all at once, each naming its key, as Kafka Connect's <c>ConfigDef.parse</c> does.
/// </summary>
public sealed class ConfigReader
{
    private readonly IReadOnlyDictionary<string, string> _properties;
    private readonly Dictionary<string, ConfigKey> _keys;
    private readonly List<string> _errors = [];
    private readonly string _connector;

    /// <summary>Creates a reader over <paramref name="properties"/> described by <paramref name="keys"/>.</summary>
    public ConfigReader(
        string connector,
        IReadOnlyList<ConfigKey> keys,
        IReadOnlyDictionary<string, string> properties
    )
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(properties);
        _connector = connector;
        _properties = properties;
        _keys = keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Records a problem with <paramref name="key"/> (cross-key checks use this).</summary>
    public void AddError(string key, string message) => _errors.Add($"{key}: {message}");

    /// <summary>Throws a <see cref="ConnectorConfigException"/> listing every problem, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ConnectorConfigException(_connector, _errors.ToArray());
        }
    }

    /// <summary>True when the user gave a non-empty value for <paramref name="key"/>.</summary>
    public bool IsSet(string key) =>
        _properties.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v);

    /// <summary>The text value, or the default; null when neither exists (an error if required).</summary>
    public string? GetString(string key)
    {
        var described = Describe(key);
        if (_properties.TryGetValue(key, out var raw) && !string.IsNullOrWhiteSpace(raw))
        {
            var value = described.Type == ConfigType.Password ? raw : raw.Trim();
            if (
                described.ValidValues.Count > 0
                && !described.ValidValues.Contains(value, StringComparer.OrdinalIgnoreCase)
            )
            {
                AddError(
                    key,
                    $"'{value}' is not one of {string.Join(", ", described.ValidValues)}"
                );
                return described.Default;
            }
            return described.ValidValues.Count > 0 ? value.ToLowerInvariant() : value;
        }
        if (described.Required)
        {
            AddError(key, "is required and has no default");
        }
        return described.Default;
    }

    /// <summary>The text value; an error when missing.</summary>
    public string GetRequiredString(string key) => GetString(key) ?? string.Empty;

    /// <summary>A 32-bit integer at least <paramref name="min"/>.</summary>
    public int GetInt(string key, int min = int.MinValue) => (int)GetLong(key, min, int.MaxValue);

    /// <summary>A 64-bit integer between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public long GetLong(string key, long min = long.MinValue, long max = long.MaxValue)
    {
        var text = GetString(key);
        if (text is null)
        {
            return 0;
        }
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            AddError(key, $"'{text}' is not an integer");
            return 0;
        }
        if (value < min || value > max)
        {
            AddError(
                key,
                max == long.MaxValue || (max == int.MaxValue && min != int.MinValue)
                    ? $"{value} must be at least {min}"
                    : $"{value} must be between {min} and {max}"
            );
        }
        return value;
    }

    /// <summary>true or false.</summary>
    public bool GetBoolean(string key)
    {
        var text = GetString(key);
        if (text is null)
        {
            return false;
        }
        if (bool.TryParse(text, out var value))
        {
            return value;
        }
        AddError(key, $"'{text}' is not true or false");
        return false;
    }

    /// <summary>A comma-separated list, trimmed, empty items dropped.</summary>
    public IReadOnlyList<string> GetList(string key)
    {
        var text = GetString(key);
        return string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(
                ',',
                StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
            );
    }

    private ConfigKey Describe(string key) =>
        _keys.TryGetValue(key, out var described)
            ? described
            : throw new ArgumentException(
                $"'{key}' is not a described key of {_connector}",
                nameof(key)
            );
}
