using KConnector.Converters;
using KConnector.Records;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// The Kafka metadata of the record a task's converters are converting, for the compiled
/// transformations that read it (InsertField's <c>partition.field</c>, <c>offset.field</c> and
/// <c>timestamp.field</c>, which a converter given the key or value alone never sees) and the
/// record's headers, for a stage under <c>HasHeaderKey</c>. A generated
/// worker makes one per task and gives it to the runner (<see cref="Worker.TaskRunner{TKey, TValue}.CompiledMetadata"/>),
/// which sets it before converting each record, and to the compiled chain; nothing is allocated per
/// record. As Kafka Connect's InsertField reads them: on a sink the consumed record's partition,
/// offset and timestamp; on a source the record's partition and timestamp, null where the task set none.
/// </summary>
public sealed class CompiledRecordMetadata
{
    /// <summary>The record's Kafka partition, or null (a source record the task did not place).</summary>
    public int? Partition { get; private set; }

    /// <summary>The record's Kafka offset: on a sink; null on a source.</summary>
    public long? Offset { get; private set; }

    /// <summary>The record's timestamp, or null (none set, or a consumed record without one).</summary>
    public DateTimeOffset? Timestamp { get; private set; }

    // The record's headers, for a compiled stage under HasHeaderKey: a source record's (after the
    // run-time stages) or a consumed record's; the runner sets one, no copy is made.
    private IReadOnlyList<RecordHeader>? _headers;
    private Confluent.Kafka.Headers? _consumed;

    /// <summary>Sets the headers of the next source record converted, as the run-time stages left them.</summary>
    public void SetHeaders(IReadOnlyList<RecordHeader> headers)
    {
        _headers = headers;
        _consumed = null;
    }

    /// <summary>Sets the headers of the next consumed record converted (null: none).</summary>
    public void SetHeaders(Confluent.Kafka.Headers? headers)
    {
        _consumed = headers;
        _headers = null;
    }

    /// <summary>
    /// Kafka Connect's <c>HasHeaderKey</c> on the record being converted: whether some header has
    /// <paramref name="name"/> (null valued too). Indexed loops: nothing is allocated.
    /// </summary>
    public bool HasHeaderKey(string name)
    {
        if (_headers is { } headers)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                if (string.Equals(headers[i].Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        if (_consumed is { } consumed)
        {
            for (var i = 0; i < consumed.Count; i++)
            {
                if (string.Equals(consumed[i].Key, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Sets the metadata of the next record converted (the runner's, once per record).</summary>
    public void Set(int? partition, long? offset, DateTimeOffset? timestamp)
    {
        Partition = partition;
        Offset = offset;
        Timestamp = timestamp;
    }

    /// <summary>
    /// The failure of <paramref name="plugin"/> inserting a null into its required field
    /// <paramref name="field"/> of Connect type <paramref name="type"/>, as Connect's struct
    /// validation fails it: a record error at stage <c>TRANSFORMATION</c>.
    /// </summary>
    public static CompiledTransformationException Missing(Type plugin, string field, string type) =>
        new(
            plugin,
            new DataException(
                $"Invalid value: null used for required field: \"{field}\", schema type: {type}"
            )
        );
}
