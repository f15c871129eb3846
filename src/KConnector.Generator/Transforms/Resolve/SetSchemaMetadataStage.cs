namespace KConnector.Generator.Transforms;

/// <summary>SetSchemaMetadata: the schema's name becomes <c>schema.name</c> when given; fields and types are unchanged.</summary>
internal static class SetSchemaMetadataStage
{
    public static TransformSchema Apply(StageInput input)
    {
        var name = input.Step.Setting("schema.name")?.Text.Trim() ?? string.Empty;
        return name.Length == 0 || !input.Schema.IsKnown
            ? input.Schema
            : input.Schema with
            {
                Name = name,
            };
    }
}
