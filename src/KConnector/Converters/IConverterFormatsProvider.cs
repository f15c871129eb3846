namespace KConnector.Converters;

/// <summary>
/// A key or value type that says itself which converters can carry it: a generated worker builds
/// its converter from <see cref="Formats"/>. For types whose schema is known only at run time (a
/// CDC source's change events), named by <see cref="KConnector.Plugins.ConnectPluginAttribute.ValueType"/>.
/// </summary>
/// <typeparam name="TSelf">The type itself.</typeparam>
public interface IConverterFormatsProvider<TSelf>
    where TSelf : IConverterFormatsProvider<TSelf>
{
    /// <summary>The formats the type can be converted in.</summary>
    static abstract ConverterFormats<TSelf> Formats { get; }
}
