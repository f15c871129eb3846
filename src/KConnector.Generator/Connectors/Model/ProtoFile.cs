using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

/// <summary>
/// What connectors need of a .proto file, read by <see cref="ProtoFileReader"/>: the C# namespace
/// protoc gives its types, its top-level messages (C# names, in file order), and the first thing it
/// could not read (1-based line and why), or null.
/// </summary>
internal sealed record ProtoFile(
    string CSharpNamespace,
    EquatableArray<string> Messages,
    int ProblemLine,
    string? Problem
)
{
    /// <summary>The fully qualified C# name of a top-level message, as protoc generates it.</summary>
    public string FullNameOf(string message) =>
        CSharpNamespace.Length == 0 ? message : CSharpNamespace + "." + message;
}
