using System.Text.Json;

namespace KConnector.Connectors.Shapes;

/// <summary>Evaluates a JSON Pointer (RFC 6901: <c>/a/0/b</c>, <c>~1</c> for '/', <c>~0</c> for '~') against a document.</summary>
public static class JsonPointer
{
    /// <summary>The element <paramref name="pointer"/> designates, or false when it is absent.</summary>
    public static bool TryEvaluate(JsonElement root, string pointer, out JsonElement result)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        result = root;
        if (pointer.Length == 0)
        {
            return true;
        }
        if (pointer[0] != '/')
        {
            throw new FormatException($"JSON pointer '{pointer}' must start with '/'");
        }
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal)
                .Replace("~0", "~", StringComparison.Ordinal);
            if (result.ValueKind == JsonValueKind.Object)
            {
                if (!result.TryGetProperty(token, out result))
                {
                    return false;
                }
            }
            else if (
                result.ValueKind == JsonValueKind.Array
                && int.TryParse(
                    token,
                    System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out var index
                )
                && index < result.GetArrayLength()
            )
            {
                result = result[index];
            }
            else
            {
                return false;
            }
        }
        return true;
    }
}
