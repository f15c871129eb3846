namespace KConnector.Converters.Plugins;

/// <summary>
/// Calls a converter descriptor's <c>Create&lt;T&gt;(ConverterContext&lt;T&gt;)</c> for any key or value
/// type: a generic method has no delegate type, so the generator writes one small class per
/// registered converter (and the runtime one per built-in) that forwards to it. No reflection, so
/// Native AOT compiles each use.
/// </summary>
public interface IConverterCreator
{
    /// <summary>The converter for <typeparamref name="T"/>, or null when the descriptor cannot convert it.</summary>
    IConverter<T>? Create<T>(ConverterContext<T> context);
}
