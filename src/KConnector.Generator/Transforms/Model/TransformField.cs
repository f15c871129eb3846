namespace KConnector.Generator.Transforms;

/// <summary>One field of a struct <see cref="TransformSchema"/>, in schema order.</summary>
/// <param name="Read">How the generated code reads it over its struct's expression ({0}), when not as the struct's property (a union's branch).</param>
internal sealed record TransformField(string Name, TransformSchema Schema, string? Read = null);
