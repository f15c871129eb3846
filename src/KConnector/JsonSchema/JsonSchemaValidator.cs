using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using KConnector.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace KConnector.JsonSchema;

/// <summary>
/// Validates JSON payloads against a JSON Schema with NJsonSchema 11. A validator is built
/// once per schema text (parsing a schema and resolving its $refs is the costly part) and cached
/// for the life of the process, so <see cref="For(string)"/> may be called per record.
/// </summary>
/// <remarks>
/// Cross-file <c>$ref</c>s ("customer.schema.json#/$defs/X") are resolved only from the documents
/// given as references, never from the disk or the network: a worker validates against the
/// schemas it was built with (or that its registry returned), nothing else. Not trim- or AOT-safe
/// (NJsonSchema and Newtonsoft.Json reflect over their own types): a Native AOT worker validates
/// with the generated <see cref="CompiledJsonSchemaValidator"/> (docs/native-aot.md).
/// </remarks>
public sealed class JsonSchemaValidator
{
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchemaValidator>> Cache = new(
        StringComparer.Ordinal
    );

    private readonly NJsonSchema.JsonSchema _schema;

    private JsonSchemaValidator(NJsonSchema.JsonSchema schema) => _schema = schema;

    /// <summary>The cached validator of <paramref name="schemaText"/>.</summary>
    /// <exception cref="JsonSchemaValidationException">The text is not a JSON Schema NJsonSchema can load.</exception>
    [RequiresUnreferencedCode(JsonSchemaLibrary.Reason)]
    [RequiresDynamicCode(JsonSchemaLibrary.Reason)]
    public static JsonSchemaValidator For(string schemaText) => For(schemaText, null);

    /// <summary>The cached validator of the schema a generated type was built from, with the documents it refers to.</summary>
    [RequiresUnreferencedCode(JsonSchemaLibrary.Reason)]
    [RequiresDynamicCode(JsonSchemaLibrary.Reason)]
    public static JsonSchemaValidator For<T>()
        where T : IJsonSchemaRecord<T> => For(T.JsonSchemaText, T.JsonSchemaReferences);

    /// <summary>
    /// The cached validator of <paramref name="schemaText"/>, whose cross-file $refs are resolved
    /// from <paramref name="references"/> (file name or $id -> schema text).
    /// </summary>
    /// <exception cref="JsonSchemaValidationException">The schema cannot be loaded, or it names a document not given.</exception>
    [RequiresUnreferencedCode(JsonSchemaLibrary.Reason)]
    [RequiresDynamicCode(JsonSchemaLibrary.Reason)]
    public static JsonSchemaValidator For(
        string schemaText,
        IReadOnlyDictionary<string, string>? references
    )
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        var key = CacheKey(schemaText, references);
        var lazy = Cache.GetOrAdd(
            key,
            _ => new Lazy<JsonSchemaValidator>(() => Load(schemaText, references))
        );
        try
        {
            return lazy.Value;
        }
        catch (JsonSchemaValidationException)
        {
            // A schema that failed to load is not kept: the next call reports it again.
            Cache.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>Validates one UTF-8 JSON payload.</summary>
    public JsonSchemaValidationResult Validate(ReadOnlySpan<byte> utf8Payload) =>
        Validate(Encoding.UTF8.GetString(utf8Payload));

    /// <summary>Validates one JSON payload.</summary>
    public JsonSchemaValidationResult Validate(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ICollection<ValidationError> errors;
        try
        {
            errors = _schema.Validate(payload);
        }
        catch (Newtonsoft.Json.JsonReaderException e)
        {
            return new JsonSchemaValidationResult([
                new JsonSchemaValidationError(
                    "$",
                    "InvalidJson: " + e.Message,
                    e.LineNumber,
                    e.LinePosition
                ),
            ]);
        }
        if (errors.Count == 0)
        {
            return JsonSchemaValidationResult.Valid;
        }
        var flat = new List<JsonSchemaValidationError>();
        Flatten(errors, flat);
        return new JsonSchemaValidationResult(flat);
    }

    /// <summary>
    /// Replaces wrapper errors ("array item not valid", "property not valid") by the errors inside
    /// them, so that each names the innermost path; a oneOf/anyOf failure stays one error, as
    /// its branches' errors describe the branches that were not meant.
    /// </summary>
    internal static void Flatten(
        IEnumerable<ValidationError> errors,
        List<JsonSchemaValidationError> into
    )
    {
        foreach (var error in errors)
        {
            if (
                error is ChildSchemaValidationError child
                && error.Kind is not (ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
                && child.Errors.Count > 0
            )
            {
                Flatten(child.Errors.SelectMany(e => e.Value), into);
                continue;
            }
            into.Add(
                new JsonSchemaValidationError(
                    ToJsonPath(error.Path),
                    error.Kind.ToString(),
                    error.HasLineInfo ? error.LineNumber : null,
                    error.HasLineInfo ? error.LinePosition : null
                )
            );
        }
    }

    /// <summary>Validates one UTF-8 JSON payload and throws when it breaks the schema.</summary>
    /// <exception cref="JsonSchemaValidationException">The payload is not valid; the exception lists every error.</exception>
    public void ValidateOrThrow(ReadOnlySpan<byte> utf8Payload)
    {
        var result = Validate(utf8Payload);
        if (!result.IsValid)
        {
            throw new JsonSchemaValidationException(result);
        }
    }

    private static JsonSchemaValidator Load(
        string schemaText,
        IReadOnlyDictionary<string, string>? references
    )
    {
        var documents = references ?? new Dictionary<string, string>();
        try
        {
            var schema = NJsonSchema
                .JsonSchema.FromJsonAsync(
                    schemaText,
                    InMemoryReferenceResolver.RootPath,
                    s => new InMemoryReferenceResolver(s, documents),
                    CancellationToken.None
                )
                .GetAwaiter()
                .GetResult();
            return new JsonSchemaValidator(schema);
        }
        catch (Exception e) when (e is not JsonSchemaValidationException)
        {
            throw new JsonSchemaValidationException(
                "The JSON Schema cannot be loaded: " + e.Message,
                e
            );
        }
    }

    private static string CacheKey(
        string schemaText,
        IReadOnlyDictionary<string, string>? references
    )
    {
        if (references is null || references.Count == 0)
        {
            return schemaText;
        }
        var sb = new StringBuilder(schemaText);
        foreach (var (name, text) in references.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sb.Append('\0').Append(name).Append('\0').Append(text);
        }
        return sb.ToString();
    }

    /// <summary>NJsonSchema's "#/lines[0].sku" as the JSON path "$.lines[0].sku".</summary>
    private static string ToJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return "$";
        }
        var rest = path.StartsWith("#/", StringComparison.Ordinal)
            ? path[2..]
            : path.TrimStart('#');
        // The root is "#/" in NJsonSchema's errors on the value itself ("$", not "$.").
        return rest.Length == 0 || rest.StartsWith('[') ? "$" + rest : "$." + rest;
    }
}
