using System.Globalization;
using KConnector.Converters.Headers;
using KConnector.Records;
using KConnector.Transforms;

namespace Company.Connector;

/// <summary>
/// What <see cref="OrderTotalHeader"/> does to each record. <c>Apply</c> sees the record with the
/// spec's types: the value is the <see cref="Order"/> the build generated from Schemas/order.avsc.
/// Return the record changed (records are immutable: <c>with</c>), unchanged, or null to drop it.
/// </summary>
public sealed class OrderTotalHeaderTransformation(string header) : ITransformation
{
    /// <inheritdoc />
    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record)
    {
        if (record.Value is not Order order)
        {
            return record; // a tombstone (no value) passes unchanged
        }
        // decimal: 3 x 9.99 is 29.97, not the double 29.970000000000002.
        var total = (decimal)order.UnitPrice * order.Quantity;
        return record with
        {
            Headers =
            [
                .. record.Headers,
                new RecordHeader(
                    header,
                    HeaderValue.FromString(total.ToString(CultureInfo.InvariantCulture))
                ),
            ],
        };
    }
}
