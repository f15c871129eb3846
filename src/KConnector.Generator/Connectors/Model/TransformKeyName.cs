using System;

namespace KConnector.Generator.Connectors;

/// <summary>
/// A key under <c>transforms.</c> or <c>predicates.</c> split into its parts, as Kafka Connect's
/// <c>ConnectorConfig</c> prefixes each alias's keys: <c>transforms.route.regex</c> is list
/// <c>transforms</c>, alias <c>route</c>, key <c>regex</c> (an alias has no dot).
/// </summary>
internal readonly struct TransformKeyName
{
    private TransformKeyName(string list, string alias, string key)
    {
        List = list;
        Alias = alias;
        Key = key;
    }

    public string List { get; }

    public string Alias { get; }

    public string Key { get; }

    public bool IsPredicateList => List == ConfigKeyNames.Predicates;

    public static bool TryParse(string name, out TransformKeyName parsed)
    {
        parsed = default;
        foreach (var list in new[] { ConfigKeyNames.Transforms, ConfigKeyNames.Predicates })
        {
            if (!name.StartsWith(list + ".", StringComparison.Ordinal))
            {
                continue;
            }
            var rest = name.Substring(list.Length + 1);
            var dot = rest.IndexOf('.');
            parsed =
                dot < 0
                    ? new TransformKeyName(list, rest, string.Empty)
                    : new TransformKeyName(list, rest.Substring(0, dot), rest.Substring(dot + 1));
            return true;
        }
        return false;
    }
}
