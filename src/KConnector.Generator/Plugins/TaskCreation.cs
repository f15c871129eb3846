using System.Linq;

namespace KConnector.Generator.Plugins;

/// <summary>
/// The expression a generated worker builds a plugin's task with: its descriptor's
/// <c>CreateTask</c>, each parameter given what its name asks for.
/// </summary>
internal static class TaskCreation
{
    /// <param name="plugin">The connector plugin (with a usable <c>CreateTask</c>).</param>
    /// <param name="keyType">The key's C# type.</param>
    /// <param name="valueType">The value's C# type.</param>
    /// <param name="keyAccessor">An expression building the key's record accessor.</param>
    /// <param name="valueAccessor">An expression building the value's record accessor.</param>
    /// <param name="primitiveValue">Whether the value is a Connect primitive a compiled chain makes (the descriptor's <c>CreatePrimitiveTask</c>).</param>
    public static string Expression(
        PluginModel plugin,
        string keyType,
        string valueType,
        string keyAccessor,
        string valueAccessor,
        bool primitiveValue = false
    )
    {
        var creation = primitiveValue ? plugin.PrimitiveCreation! : plugin.Creation!;
        var generics = creation.ValueOnly ? valueType : keyType + ", " + valueType;
        var arguments = creation.Parameters.Select(p =>
            p switch
            {
                TaskCreationModel.Config => "config.Parsed.Originals",
                TaskCreationModel.Key => keyAccessor,
                TaskCreationModel.Value => valueAccessor,
                _ => "logger",
            }
        );
        return plugin.DescriptorType
            + "."
            + (
                primitiveValue
                    ? PluginAttributeNames.CreatePrimitiveTask
                    : PluginAttributeNames.CreateTask
            )
            + "<"
            + generics
            + ">("
            + string.Join(", ", arguments)
            + ")";
    }
}
