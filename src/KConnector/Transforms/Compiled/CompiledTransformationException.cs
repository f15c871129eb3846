using KConnector.Converters;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// A failure of a transformation the build compiled into the converter stage (docs/transforms.md,
/// "Compiled at build time"): a record error at stage <c>TRANSFORMATION</c>, reported with the
/// transformation's class as <c>__connect.errors.class.name</c>, as the run-time chain reports it.
/// </summary>
public sealed class CompiledTransformationException : DataException
{
    /// <summary>Creates the exception for <paramref name="plugin"/>'s failure <paramref name="innerException"/>.</summary>
    public CompiledTransformationException(Type plugin, Exception innerException)
        : base(innerException?.Message ?? string.Empty, innerException!)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        Plugin = plugin;
    }

    /// <summary>The transformation's descriptor class (e.g. <c>KConnector.Transforms.CastValue</c>).</summary>
    public Type Plugin { get; }
}
