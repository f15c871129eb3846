using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>HoistField with a schema: any key or value becomes a struct with one field, <c>field</c>, holding it.</summary>
internal static class HoistFieldStage
{
    public static TransformSchema Apply(StageInput input)
    {
        var name = input.Step.Setting("field")?.Text.Trim() ?? string.Empty;
        return name.Length == 0
            ? TransformSchema.Unknown
            : new TransformSchema(
                ConnectSchemaType.Struct,
                null,
                false,
                new[] { new TransformField(name, input.Schema) }.ToEquatableArray()
            );
    }
}
