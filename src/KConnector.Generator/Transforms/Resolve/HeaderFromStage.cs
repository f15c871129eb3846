using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// HeaderFrom with a schema: the record must hold each of <c>fields</c>; with <c>operation</c>
/// <c>move</c> they leave the record (copied to headers), with <c>copy</c> the schema is unchanged.
/// </summary>
internal static class HeaderFromStage
{
    public static TransformSchema Apply(StageInput input)
    {
        if (input.Struct("header from field") is not { } record)
        {
            return TransformSchema.Unknown;
        }
        var moved = new HashSet<string>();
        foreach (var name in input.Step.List("fields"))
        {
            if (input.Field(record, name, "fields") is null)
            {
                return TransformSchema.Unknown;
            }
            moved.Add(name);
        }
        if (input.Step.Setting("operation")?.Text.Trim() != "move")
        {
            return record;
        }
        return record with
        {
            Fields = record.Fields.Where(f => !moved.Contains(f.Name)).ToEquatableArray(),
        };
    }
}
