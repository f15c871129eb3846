using System.Text.RegularExpressions;

namespace KConnector.Transforms.Builtin;

/// <summary>Kafka Connect's <c>TopicNameMatches</c>: the whole topic matches.</summary>
internal sealed class TopicNameMatchesPredicate(Regex pattern) : IPredicate
{
    public bool Test<TKey, TValue>(ConnectRecord<TKey, TValue> record) =>
        pattern.IsMatch(record.Topic);
}
