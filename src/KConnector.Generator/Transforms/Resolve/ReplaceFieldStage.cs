using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// ReplaceField with a schema: the fields <c>include</c> keeps (all when empty) less those
/// <c>exclude</c> drops (the deprecated <c>whitelist</c>/<c>blacklist</c> when the new key is not
/// set), renamed by <c>renames</c> (<c>from:to</c>). Kafka Connect ignores a name the record does
/// not have; the build refuses it, as such a typo leaks a field meant to be dropped or renamed.
/// </summary>
internal static class ReplaceFieldStage
{
    public static TransformSchema Apply(StageInput input)
    {
        if (input.Struct("field replacement") is not { } record)
        {
            return TransformSchema.Unknown;
        }
        var exclude = Names(input, record, "exclude", "blacklist");
        var include = Names(input, record, "include", "whitelist");
        var renames = new Dictionary<string, string>();
        foreach (var pair in input.Step.List("renames"))
        {
            var parts = pair.Split(':');
            if (parts.Length == 2 && input.Field(record, parts[0].Trim(), "renames") is not null)
            {
                renames[parts[0].Trim()] = parts[1].Trim();
            }
        }
        var fields = new List<TransformField>();
        foreach (var field in record.Fields)
        {
            if (
                exclude.Contains(field.Name) || (include.Count > 0 && !include.Contains(field.Name))
            )
            {
                continue;
            }
            var name = renames.TryGetValue(field.Name, out var renamed) ? renamed : field.Name;
            if (fields.Any(f => f.Name == name))
            {
                input.Report(
                    DiagnosticDescriptors.TransformFieldExists,
                    input.WhereOf("renames"),
                    input.Step.TypeName,
                    name,
                    input.Description
                );
                return TransformSchema.Unknown;
            }
            fields.Add(field with { Name = name });
        }
        return record with { Fields = fields.ToEquatableArray() };
    }

    // The names a list key gives (its deprecated key's when it gives none), each checked.
    private static HashSet<string> Names(
        StageInput input,
        TransformSchema record,
        string key,
        string deprecated
    )
    {
        var used = input.Step.List(key).Length > 0 ? key : deprecated;
        var names = new HashSet<string>();
        foreach (var name in input.Step.List(used))
        {
            if (input.Field(record, name, used) is not null)
            {
                names.Add(name);
            }
        }
        return names;
    }
}
