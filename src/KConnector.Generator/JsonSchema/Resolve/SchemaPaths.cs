using System;
using System.Collections.Generic;

namespace KConnector.Generator.JsonSchema;

/// <summary>
/// File-path arithmetic for cross-file $refs, on strings only (generators must not touch the
/// file system): "../common/money.schema.json" from /p/orders/order.schema.json is
/// /p/common/money.schema.json.
/// </summary>
internal static class SchemaPaths
{
    public static string Normalize(string path)
    {
        var slashed = path.Replace('\\', '/');
        var rooted = slashed.StartsWith("/", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (var part in slashed.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return (rooted ? "/" : string.Empty) + string.Join("/", parts);
    }

    public static string Combine(string fromFile, string relative)
    {
        var normalized = Normalize(fromFile);
        var slash = normalized.LastIndexOf('/');
        var directory = slash >= 0 ? normalized.Substring(0, slash + 1) : string.Empty;
        return Normalize(directory + relative.Replace('\\', '/'));
    }

    public static bool IsAbsoluteUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" or "urn" or "tag";
}
