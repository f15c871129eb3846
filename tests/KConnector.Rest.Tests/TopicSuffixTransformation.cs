using KConnector.Transforms;

namespace KConnector.Rest.Tests;

/// <summary>What <see cref="TopicSuffix"/> does: routes each record to its topic plus the suffix.</summary>
public sealed class TopicSuffixTransformation(string suffix) : ITransformation
{
    /// <inheritdoc />
    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record) =>
        record with
        {
            Topic = record.Topic + suffix,
        };
}
