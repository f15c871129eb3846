using NJsonSchema;
using NJsonSchema.References;

namespace KConnector.JsonSchema;

/// <summary>
/// Resolves a schema's file and URL $refs from documents held in memory (by file name, relative
/// path or $id), so that validation never reads the disk or goes to the network.
/// </summary>
internal sealed class InMemoryReferenceResolver : JsonReferenceResolver
{
    /// <summary>The made-up location of the root document, against which relative $refs are resolved.</summary>
    public const string RootPath = "/kconnector-schemas/root.schema.json";

    private readonly IReadOnlyDictionary<string, string> _documents;

    public InMemoryReferenceResolver(
        NJsonSchema.JsonSchema schema,
        IReadOnlyDictionary<string, string> documents
    )
        : base(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()))
    {
        _documents = documents;
    }

    public override Task<IJsonReference> ResolveFileReferenceAsync(
        string filePath,
        CancellationToken cancellationToken = default
    ) => Load(filePath, cancellationToken);

    public override Task<IJsonReference> ResolveUrlReferenceAsync(
        string url,
        CancellationToken cancellationToken = default
    ) => Load(url, cancellationToken);

    private async Task<IJsonReference> Load(string location, CancellationToken cancellationToken)
    {
        var text =
            Find(location)
            ?? throw new JsonSchemaValidationException(
                $"The schema refers to \"{location}\", which is not among the referenced documents given to JsonSchemaValidator ({string.Join(", ", _documents.Keys)})."
            );
        var documents = _documents;
        return await NJsonSchema
            .JsonSchema.FromJsonAsync(
                text,
                location,
                s => new InMemoryReferenceResolver(s, documents),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    private string? Find(string location)
    {
        if (_documents.TryGetValue(location, out var exact))
        {
            return exact;
        }
        var relative = location.StartsWith("/kconnector-schemas/", StringComparison.Ordinal)
            ? location["/kconnector-schemas/".Length..]
            : null;
        if (relative is not null && _documents.TryGetValue(relative, out var byRelative))
        {
            return byRelative;
        }
        var slash = location.LastIndexOfAny(['/', '\\']);
        var name = slash >= 0 ? location[(slash + 1)..] : location;
        if (_documents.TryGetValue(name, out var byName))
        {
            return byName;
        }
        // A key written relative to another folder ("../common/money.schema.json"): match its file name.
        foreach (var (key, text) in _documents)
        {
            var keySlash = key.LastIndexOfAny(['/', '\\']);
            if (
                string.Equals(
                    keySlash >= 0 ? key[(keySlash + 1)..] : key,
                    name,
                    StringComparison.Ordinal
                )
            )
            {
                return text;
            }
        }
        return null;
    }
}
