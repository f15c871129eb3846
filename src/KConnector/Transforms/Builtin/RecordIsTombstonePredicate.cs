namespace KConnector.Transforms.Builtin;

/// <summary>Kafka Connect's <c>RecordIsTombstone</c>: the value is null.</summary>
internal sealed class RecordIsTombstonePredicate : IPredicate
{
    public static RecordIsTombstonePredicate Instance { get; } = new();

    public bool Test<TKey, TValue>(ConnectRecord<TKey, TValue> record) => record.Value is null;
}
