using KConnector.Errors;
using KConnector.Transforms.Compiled;

namespace KConnector.Worker;

// Transformations the build compiled into a value converter (docs/transforms.md, "Compiled at
// build time") fail inside the converter call; their failure is still a TRANSFORMATION-stage
// record error naming the transformation, as the run-time chain reports it.
public abstract partial class TaskRunner<TKey, TValue>
{
    /// <summary>The stage a key conversion's <paramref name="failure"/> is reported at (a key compiled from the value fails at TRANSFORMATION).</summary>
    private protected static Stage KeyStageOf(Exception? failure) =>
        failure is CompiledTransformationException ? Stage.TRANSFORMATION : Stage.KEY_CONVERTER;

    /// <summary>The class a key conversion's <paramref name="failure"/> is reported with.</summary>
    private protected Type KeyClassOf(Exception? failure) =>
        failure is CompiledTransformationException compiled
            ? compiled.Plugin
            : _keyConverter.GetType();

    /// <summary>The stage a value conversion's <paramref name="failure"/> is reported at.</summary>
    private protected static Stage ValueStageOf(Exception? failure) =>
        failure is CompiledTransformationException ? Stage.TRANSFORMATION : Stage.VALUE_CONVERTER;

    /// <summary>The class a value conversion's <paramref name="failure"/> is reported with.</summary>
    private protected Type ValueClassOf(Exception? failure) =>
        failure is CompiledTransformationException compiled
            ? compiled.Plugin
            : _valueConverter.GetType();
}
