namespace KConnector.Generator.JsonSchema;

/// <summary>One branch of a oneOf/anyOf union: the nested case type's name and what it holds.</summary>
internal sealed record JsonUnionBranchModel(string CaseName, JsonTypeRef Type);
