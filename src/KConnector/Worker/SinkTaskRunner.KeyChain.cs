using Confluent.Kafka;
using KConnector.Errors;
using KConnector.Transforms.Compiled;

namespace KConnector.Worker;

// A key the build compiled from the value (ValueToKey on a sink, docs/transforms.md "On a sink"):
// its converter needs the value's bytes, which a key converter given the key alone never sees.
// Found once, at construction: per record a null test, no allocation.
public sealed partial class SinkTaskRunner<TKey, TValue>
{
    private readonly ISinkRecordKeyConverter<TKey>? _recordKeyConverter;

    // A consumed record's timestamp, or null where Kafka has none (Connect's NO_TIMESTAMP_TYPE).
    private static DateTimeOffset? TimestampOf(ConsumeResult<byte[]?, byte[]?> result) =>
        result.Message.Timestamp.Type == TimestampType.NotAvailable
            ? null
            : result.Message.Timestamp.UtcDateTime;

    private TKey? ConvertKey(ConsumeResult<byte[]?, byte[]?> result) =>
        _recordKeyConverter is { } whole
            ? whole.KeyOf(result.Topic, result.Message.Key, result.Message.Value)
            : _keyConverter.ToConnectData(result.Topic, result.Message.Key);

    // The key's conversion retried and tolerated after its first failure, cause, reported at its
    // own stage (a compiled chain's: TRANSFORMATION). Blocks this (dedicated) thread.
    private (bool Ok, TKey? Key) RetryKey(
        ConsumeResult<byte[]?, byte[]?> result,
        Exception cause,
        ErrantRecord failed,
        CancellationToken stoppingToken
    ) =>
        _errors
            .ExecuteAsync(
                _ => ValueTask.FromResult(ConvertKey(result)),
                StageOf(cause, Stage.KEY_CONVERTER),
                ClassOf(cause, _keyConverter),
                failed,
                stoppingToken,
                cause
            )
            .AsTask()
            .GetAwaiter()
            .GetResult();
}
