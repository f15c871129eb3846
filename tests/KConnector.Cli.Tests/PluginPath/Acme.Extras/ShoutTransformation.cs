using KConnector.Records;
using KConnector.Transforms;

namespace Acme.Connectors.Audit;

/// <summary>What <see cref="Shout"/> does to each record: a string value upper-cased, suffixed.</summary>
public sealed class ShoutTransformation(string suffix) : ITransformation
{
    /// <inheritdoc />
    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record) =>
        record.Value is string text
            ? record with
            {
                Value = (TValue)(object)(text.ToUpperInvariant() + suffix),
            }
            : record;
}
