namespace KConnector.Transforms;

/// <summary>
/// A single message transform, as Kafka Connect's <c>Transformation</c>: applied to each record
/// after a source task's poll (before the converters) and before a sink task's put (after the
/// converters). One instance serves one task. Create one through its descriptor (a
/// <c>[ConnectPlugin]</c> class of kind <see cref="Plugins.PluginKind.Transformation"/>).
/// </summary>
public interface ITransformation
{
    /// <summary>
    /// The transformed record, or null to drop it (Kafka Connect's <c>Filter</c>): a dropped record
    /// is not passed on, and its offset is committed as if it had been. A throw is a record error at
    /// stage <c>TRANSFORMATION</c>, handled under <c>errors.tolerance</c>.
    /// </summary>
    ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record);
}
