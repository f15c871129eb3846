namespace KConnector.Transforms;

/// <summary>
/// One alias of <c>transforms</c>, as Kafka Connect's <c>TransformationStage</c>: the transform, and
/// the predicate it runs under (it runs when <c>predicate.test(record) ^ negate</c>; without a
/// predicate, always).
/// </summary>
/// <param name="Alias">The alias in <c>transforms</c>.</param>
/// <param name="Plugin">The transform's descriptor class: its name is the <c>__connect.errors.class.name</c> of a failure.</param>
/// <param name="Transformation">The transform.</param>
/// <param name="Predicate">The predicate, or null.</param>
/// <param name="Negate">Whether the predicate's result is inverted.</param>
public sealed record TransformationStage(
    string Alias,
    Type Plugin,
    ITransformation Transformation,
    IPredicate? Predicate = null,
    bool Negate = false
)
{
    /// <summary>Applies the transform when the predicate allows it; null: the record is dropped.</summary>
    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record)
    {
        if (Predicate is { } predicate && predicate.Test(record) == Negate)
        {
            return record;
        }
        return Transformation.Apply(record);
    }
}
