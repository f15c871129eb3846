namespace KConnector.Generator.Transforms;

/// <summary>One field of a struct <see cref="TransformSchema"/>, in schema order.</summary>
internal sealed record TransformField(string Name, TransformSchema Schema);
