namespace KConnector.Transforms.Builtin;

/// <summary>Kafka Connect's <c>Filter</c>: drops the record.</summary>
internal sealed class FilterTransformation : ITransformation
{
    public static FilterTransformation Instance { get; } = new();

    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record) =>
        null;
}
