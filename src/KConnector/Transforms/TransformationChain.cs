namespace KConnector.Transforms;

/// <summary>
/// The transforms of a connector's <c>transforms</c> key, in order, as Kafka Connect's
/// <c>TransformationChain</c>. Task runners apply it stage by stage so that a failure is reported
/// with the transform that failed (stage <c>TRANSFORMATION</c>).
/// </summary>
/// <param name="Stages">The stages, in the order <c>transforms</c> lists them.</param>
public sealed record TransformationChain(IReadOnlyList<TransformationStage> Stages)
{
    /// <summary>No transforms: records pass through untouched.</summary>
    public static TransformationChain Empty { get; } = new([]);

    /// <summary>Whether there is nothing to apply.</summary>
    public bool IsEmpty => Stages.Count == 0;

    /// <summary>Applies every stage in order; null as soon as one drops the record. A stage's throw is not caught.</summary>
    public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ConnectRecord<TKey, TValue>? current = record;
        for (var i = 0; i < Stages.Count && current is not null; i++)
        {
            current = Stages[i].Apply(current);
        }
        return current;
    }
}
