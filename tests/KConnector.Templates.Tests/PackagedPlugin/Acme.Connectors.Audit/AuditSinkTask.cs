using KConnector.Records;
using KConnector.Tasks;

namespace Acme.Connectors.Audit;

/// <summary>Appends "prefix:value" per record.</summary>
public sealed class AuditSinkTask<TKey, TValue>(string file, string prefix)
    : ISinkTask<TKey, TValue>
{
    /// <inheritdoc />
    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        File.AppendAllLines(file, records.Select(r => prefix + ":" + r.Value));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
