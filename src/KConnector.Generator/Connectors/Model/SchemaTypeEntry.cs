using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>
/// One schema file of the project (.avsc, .schema.json or .proto) as connectors see it: its path (with '/'
/// separators), the C# type generated from its top level, or null when it yields none (invalid, not
/// a record, or left out), and what that type can be converted as.
/// </summary>
/// <param name="Shape">The record's fields as connectors map them (columns, document fields), or null.</param>
/// <param name="ProtoText">A .proto file's text: what the ProtobufConverter registers for its messages.</param>
/// <param name="ProtoMessages">A .proto file's top-level messages, as fully qualified C# names (the first is the type).</param>
/// <param name="Schema">The top-level type's Connect schema, what transformations are checked against (null: not known).</param>
/// <param name="ProtoProblem">What the .proto reader could not read, located in the .proto file.</param>
internal sealed record SchemaTypeEntry(
    string NormalizedPath,
    string SimpleName,
    string? CSharpFullName,
    TypeFormats Format,
    RecordShapeModel? Shape = null,
    string? ProtoText = null,
    EquatableArray<string> ProtoMessages = default,
    DiagnosticInfo? ProtoProblem = null,
    Transforms.TransformSchema? Schema = null
);
