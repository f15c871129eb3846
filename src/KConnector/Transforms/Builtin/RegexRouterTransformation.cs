using System.Text.RegularExpressions;

namespace KConnector.Transforms.Builtin;

/// <summary>Kafka Connect's <c>RegexRouter</c>: a topic the regex matches whole becomes the replacement (<c>$1</c>... name groups).</summary>
internal sealed class RegexRouterTransformation(Regex regex, string replacement) : ITransformation
{
    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record)
    {
        var match = regex.Match(record.Topic);
        if (!match.Success)
        {
            return record;
        }
        return record with { Topic = match.Result(replacement) };
    }
}
