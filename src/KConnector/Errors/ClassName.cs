using System.Text;

namespace KConnector.Errors;

/// <summary>
/// Readable type names for the <c>__connect.errors.class.name</c> header and logs: C# syntax for
/// generics (<c>KConnector.Converters.AvroConverter&lt;Shop.Order&gt;</c>) rather than the CLR's
/// assembly-qualified form, which would put assembly versions into every dead-letter record.
/// </summary>
internal static class ClassName
{
    public static string Of(Type type)
    {
        if (!type.IsGenericType)
        {
            return (type.FullName ?? type.Name).Replace('+', '.');
        }
        var definition = type.GetGenericTypeDefinition();
        var name = (definition.FullName ?? definition.Name).Replace('+', '.');
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var text = new StringBuilder(tick < 0 ? name : name[..tick]).Append('<');
        var arguments = type.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(Of(arguments[i]));
        }
        return text.Append('>').ToString();
    }
}
