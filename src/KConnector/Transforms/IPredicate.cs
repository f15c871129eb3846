namespace KConnector.Transforms;

/// <summary>
/// A condition a transform is applied under, as Kafka Connect's <c>Predicate</c> (KIP-585): named in
/// <c>predicates</c>, attached with <c>transforms.&lt;alias&gt;.predicate</c>, and inverted with
/// <c>transforms.&lt;alias&gt;.negate</c>.
/// </summary>
public interface IPredicate
{
    /// <summary>Whether <paramref name="record"/> matches.</summary>
    bool Test<TKey, TValue>(ConnectRecord<TKey, TValue> record);
}
