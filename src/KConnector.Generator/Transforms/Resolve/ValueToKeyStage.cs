using System.Collections.Generic;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// ValueToKey with a schema: the value must be a record holding each of <c>fields</c>; the key
/// becomes a struct of those fields, with their schemas, in the order <c>fields</c> lists them.
/// </summary>
internal static class ValueToKeyStage
{
    public static TransformSchema Apply(StageInput value)
    {
        if (value.Struct("copying fields from value to key") is not { } record)
        {
            return TransformSchema.Unknown;
        }
        var fields = new List<TransformField>();
        foreach (var name in value.Step.List("fields"))
        {
            if (value.Field(record, name, "fields") is not { } field)
            {
                return TransformSchema.Unknown;
            }
            fields.Add(field);
        }
        return new TransformSchema(
            ConnectSchemaType.Struct,
            null,
            false,
            fields.ToEquatableArray()
        );
    }
}
