using KConnector.Errors;
using KConnector.Transforms;

namespace KConnector.Worker;

// The TRANSFORMATION stage, shared by the source and sink runners (Kafka Connect's
// TransformationChain.apply under the RetryWithToleranceOperator).
public abstract partial class TaskRunner<TKey, TValue>
{
    /// <summary>
    /// Applies the task's transforms to <paramref name="record"/>, stage by stage. Returns
    /// <c>(true, transformed)</c>, or <c>(false, null)</c> when a transform or Filter dropped the
    /// record or it failed and the failure was tolerated (reported to the log and the dead-letter
    /// queue with stage <c>TRANSFORMATION</c> and the transform's class): either way the caller skips
    /// it and commits its offset. An intolerable failure throws a <see cref="ConnectException"/>.
    /// The first attempt of each stage runs inline; only a failure goes through the retry operator.
    /// </summary>
    private protected async ValueTask<ConnectRecord<TKey, TValue>?> TransformAsync(
        RetryWithToleranceOperator errors,
        ConnectRecord<TKey, TValue> record,
        Func<ErrantRecord> errant,
        CancellationToken cancellationToken
    )
    {
        ConnectRecord<TKey, TValue>? current = record;
        foreach (var stage in _options.Transformations.Stages)
        {
            var input = current;
            try
            {
                current = stage.Apply(input);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var (ok, retried) = await errors
                    .ExecuteAsync(
                        _ => ValueTask.FromResult(stage.Apply(input)),
                        Stage.TRANSFORMATION,
                        stage.Plugin,
                        errant(),
                        cancellationToken,
                        e
                    )
                    .ConfigureAwait(false);
                current = ok ? retried : null;
            }
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }
}
