using System.Collections.Generic;

namespace KConnector.Generator.JsonSchema.Validation;

/// <summary>
/// A schema document planned for compiled validation: its nodes (the root is <see cref="Root"/>),
/// or, when it uses a keyword the compiled validator does not check, the reason (the type then has
/// no compiled validation and the converter validates it with the library).
/// </summary>
internal sealed class ValidationPlan
{
    public ValidationPlan(IReadOnlyList<ValidationNode> nodes, int root, string? notCompiled)
    {
        Nodes = nodes;
        Root = root;
        NotCompiled = notCompiled;
    }

    public IReadOnlyList<ValidationNode> Nodes { get; }

    public int Root { get; }

    public string? NotCompiled { get; }
}
