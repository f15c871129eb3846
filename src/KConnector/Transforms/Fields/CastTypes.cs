namespace KConnector.Transforms.Builtin;

/// <summary>The spec names of <see cref="CastType"/>: Connect's lower-case schema type names.</summary>
internal static class CastTypes
{
    public static IReadOnlyList<string> Names { get; } =
    ["int8", "int16", "int32", "int64", "float32", "float64", "boolean", "string"];

    public static bool TryParse(string name, out CastType type)
    {
        var index = Names.ToList().IndexOf(name);
        type = (CastType)Math.Max(index, 0);
        return index >= 0;
    }
}
