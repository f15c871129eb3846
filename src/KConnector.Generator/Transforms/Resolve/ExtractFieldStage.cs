namespace KConnector.Generator.Transforms;

/// <summary>
/// ExtractField with a schema: the record's field <c>field</c> (with <c>field.syntax.version</c>
/// V2, a dotted path through nested structs) becomes the key or value; a name the record does not
/// have is Kafka Connect's "Unknown field". A V2 path with backtick-quoted names is not checked.
/// </summary>
internal static class ExtractFieldStage
{
    public static TransformSchema Apply(StageInput input)
    {
        var path = input.Step.Setting("field")?.Text.Trim() ?? string.Empty;
        if (input.Struct("field extraction") is not { } record || path.Length == 0)
        {
            return TransformSchema.Unknown;
        }
        var v2 = input.Step.Setting("field.syntax.version")?.Text.Trim() == "V2";
        if (v2 && path.Contains("`"))
        {
            return TransformSchema.Unknown;
        }
        var current = record;
        string? within = null;
        foreach (var name in v2 ? path.Split('.') : new[] { path })
        {
            if (!current.IsKnown)
            {
                return TransformSchema.Unknown;
            }
            if (!current.IsStruct)
            {
                // A step of the path through a field that is not a struct: the same error as a missing one.
                input.Field(current with { Fields = default }, name, "field", within);
                return TransformSchema.Unknown;
            }
            if (input.Field(current, name, "field", within) is not { } field)
            {
                return TransformSchema.Unknown;
            }
            current = field.Schema;
            within = "the struct \"" + name + "\" of " + (within ?? input.Description);
        }
        return current;
    }
}
