using KConnector.Errors;
using KConnector.Transforms.Compiled;

namespace KConnector.Worker;

// Transformations the build compiled into a value converter (docs/transforms.md, "Compiled at
// build time") fail inside the converter call; their failure is still a TRANSFORMATION-stage
// record error naming the transformation, as the run-time chain reports it.
public abstract partial class TaskRunner<TKey, TValue>
{
    /// <summary>
    /// The stage a conversion's <paramref name="failure"/> is reported at: the converter's own
    /// (<paramref name="converterStage"/>), or TRANSFORMATION for a chain compiled into it.
    /// </summary>
    private protected static Stage StageOf(Exception? failure, Stage converterStage) =>
        failure is CompiledTransformationException ? Stage.TRANSFORMATION : converterStage;

    /// <summary>The class a conversion's <paramref name="failure"/> is reported with: the compiled transformation's, else the converter's.</summary>
    private protected static Type ClassOf(Exception? failure, object converter) =>
        failure is CompiledTransformationException compiled ? compiled.Plugin : converter.GetType();

    /// <summary>
    /// A conversion's first attempt, its failure kept rather than thrown, so that the retry and
    /// tolerance that follow report it at its own stage.
    /// </summary>
    private protected static (T? Result, Exception? Failure) FirstAttempt<T>(Func<T?> convert)
    {
        try
        {
            return (convert(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (default, e);
        }
    }
}
