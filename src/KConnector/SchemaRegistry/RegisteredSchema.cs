namespace KConnector.SchemaRegistry;

/// <summary>A schema as registered under a subject: its global id and its version in the subject.</summary>
/// <param name="Subject">The subject the schema is registered under.</param>
/// <param name="Version">The schema's version within <paramref name="Subject"/> (1, 2, ...).</param>
/// <param name="Id">The registry-wide schema id written into Confluent's wire format.</param>
/// <param name="Schema">The schema text and format.</param>
public sealed record RegisteredSchema(string Subject, int Version, int Id, Schema Schema);
