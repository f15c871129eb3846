using System.Reflection;

namespace KConnector.PublicApi.Tests;

/// <summary>
/// C#-like names of types as a public API listing shows them: keywords for the built-in types,
/// generic arguments in angle brackets, nested types with their declaring type, <c>?</c> where
/// nullable reference annotations say so (top level only: enough to see a contract change).
/// </summary>
internal static class TypeNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(char)] = "char",
        [typeof(string)] = "string",
        [typeof(object)] = "object",
    };

    /// <summary>The name of <paramref name="type"/>, qualified by its namespace.</summary>
    public static string Of(Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }
        if (type.IsGenericParameter)
        {
            return type.Name;
        }
        if (type.IsByRef)
        {
            return Of(type.GetElementType()!);
        }
        if (type.IsArray)
        {
            return Of(type.GetElementType()!)
                + "["
                + new string(',', type.GetArrayRank() - 1)
                + "]";
        }
        if (type.IsPointer)
        {
            return Of(type.GetElementType()!) + "*";
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Of(underlying) + "?";
        }
        var prefix = type.IsNested ? Of(type.DeclaringType!) + "." : Namespace(type);
        return prefix + Declared(type, type.IsNested ? type.DeclaringType! : null);
    }

    /// <summary>
    /// The name as declared: without namespace or declaring type, with its own generic arguments
    /// (those of a declaring generic type are written on the declaring type).
    /// </summary>
    public static string Declared(Type type, Type? declaring = null)
    {
        var name = Plain(type);
        var arguments = type.GetGenericArguments();
        var inherited = declaring?.GetGenericArguments().Length ?? 0;
        if (arguments.Length <= inherited)
        {
            return name;
        }
        return name + "<" + string.Join(", ", arguments.Skip(inherited).Select(Of)) + ">";
    }

    /// <summary>The name without namespace or generic arguments: what a constructor is called.</summary>
    public static string Plain(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick >= 0 ? type.Name[..tick] : type.Name;
    }

    /// <summary>The name with <c>?</c> when <paramref name="nullability"/> says it may be null.</summary>
    public static string Of(Type type, NullabilityInfo? nullability) =>
        Of(type)
        + (!type.IsValueType && nullability?.ReadState == NullabilityState.Nullable ? "?" : "");

    private static string Namespace(Type type) =>
        string.IsNullOrEmpty(type.Namespace) ? "" : type.Namespace + ".";
}
