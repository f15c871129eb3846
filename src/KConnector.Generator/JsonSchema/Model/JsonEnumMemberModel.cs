namespace KConnector.Generator.JsonSchema;

/// <summary>A string enum value and the C# member it becomes.</summary>
internal sealed record JsonEnumMemberModel(string JsonName, string MemberName);
