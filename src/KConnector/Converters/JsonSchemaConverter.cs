using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using KConnector.Errors;
using KConnector.Json;
using KConnector.JsonSchema;
using KConnector.SchemaRegistry;
using SchemaType = KConnector.SchemaRegistry.SchemaType;

namespace KConnector.Converters;

/// <summary>
/// Confluent's <c>io.confluent.connect.json.JsonSchemaConverter</c> for a type generated from a JSON
/// Schema: magic byte 0, the 4-byte big-endian schema id, then the JSON text. The schema text is what
/// is registered (schemaType JSON; RecordNameStrategy uses its <c>title</c>). Every payload is validated:
/// on write against the type's schema, on read against the writer's schema fetched by id; a violation
/// is a <see cref="JsonSchemaValidationException"/> listing the failing paths. The type's own schema
/// is checked by the validation the generator compiled from it (<see cref="IJsonSchemaRecord{TSelf}.CompiledValidation"/>:
/// one Utf8JsonReader pass, AOT-safe); NJsonSchema only checks a schema the generator did not compile
/// and a writer's schema that is not the type's own. A Native AOT binary leaves NJsonSchema out
/// (<see cref="JsonSchemaLibrary"/>): there a type whose schema is not compiled fails at the start,
/// and a record whose writer's schema is not the type's own is checked against the type's own
/// compiled schema, the one it must satisfy to be read as <typeparamref name="T"/>.
/// </summary>
/// <typeparam name="T">A type generated from a <c>*.schema.json</c> file.</typeparam>
public sealed class JsonSchemaConverter<T> : IConverter<T>, IDeadLetterEncoding<T>
    where T : class, IJsonSchemaRecord<T>
{
    private static readonly CompiledJsonSchemaValidation? Compiled = T.CompiledValidation;
    private readonly JsonSchemaLibraryValidation? _schema;
    private readonly WriterSchemaIds _writerIds;
    private readonly ReaderSchemas _readerSchemas;

    // Per writer schema id: null when the compiled validation checks it.
    private readonly ConcurrentDictionary<int, JsonSchemaLibraryValidation?> _writerSchemas = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates a converter with <paramref name="config"/>'s subject strategy, auto-registration and use.latest.version.</summary>
    public JsonSchemaConverter(ISchemaRegistryClient registry, ConverterConfig config)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(config);
        if (Compiled is null)
        {
            // A schema the library cannot load (or a binary without it) fails here, at the start.
            _schema = JsonSchemaLibrary.IsSupported
                ? JsonSchemaLibraryValidation.Parse(T.JsonSchemaText, typeof(T).Name)
                : throw new ConfigException(
                    JsonSchemaLibrary.Unavailable($"The JSON Schema of {typeof(T).Name}")
                );
        }
        _writerIds = new WriterSchemaIds(
            registry,
            config,
            new Schema(T.JsonSchemaText, SchemaType.Json),
            Title(T.JsonSchemaText) ?? typeof(T).Name
        );
        _readerSchemas = new ReaderSchemas(registry, SchemaType.Json);
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <inheritdoc />
    /// <exception cref="DataException">The value cannot be written (naming the topic).</exception>
    /// <exception cref="Errors.DependencyUnavailableException">The Schema Registry cannot answer.</exception>
    public byte[]? FromConnectData(string topic, T? value)
    {
        try
        {
            return Write(topic, value);
        }
        catch (Exception e) when (ConverterFailure.IsForeign(e))
        {
            throw ConverterFailure.Writing(topic, typeof(T), e);
        }
    }

    private byte[]? Write(string topic, T? value)
    {
        if (value is null)
        {
            return null;
        }
        var id = _writerIds.For(topic);
        _buffer.ResetWrittenCount();
        ConfluentWireFormat.WriteHeader(_buffer, id);
        _writer.Reset(_buffer);
        T.WriteJson(_writer, value);
        _writer.Flush();
        var json = _buffer.WrittenSpan[ConfluentWireFormat.HeaderLength..];
        Throw(Validate(_schema, json), topic, "write");
        return _buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public string DeadLetterEncoding => "json";

    /// <inheritdoc />
    public byte[] EncodeForDeadLetter(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            T.WriteJson(writer, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    /// <exception cref="DataException">The bytes cannot be read (naming the topic).</exception>
    /// <exception cref="Errors.DependencyUnavailableException">The Schema Registry cannot answer.</exception>
    public T? ToConnectData(string topic, byte[]? data)
    {
        try
        {
            return Read(topic, data);
        }
        catch (Exception e) when (ConverterFailure.IsForeign(e))
        {
            throw ConverterFailure.Reading(topic, typeof(T), e);
        }
    }

    private T? Read(string topic, byte[]? data)
    {
        if (data is null)
        {
            return null;
        }
        var id = ConfluentWireFormat.ReadSchemaId(topic, data);
        var writerSchema = _writerSchemas.GetOrAdd(
            id,
            static (schemaId, state) =>
                WriterSchema(
                    state.Self._readerSchemas.For(state.Topic, schemaId).SchemaString,
                    schemaId
                ),
            (Self: this, Topic: topic)
        );
        var json = data.AsSpan(ConfluentWireFormat.HeaderLength);
        Throw(Validate(writerSchema, json), topic, "read");
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            return T.ReadJson(ref reader);
        }
        catch (JsonException e)
        {
            throw new DataException(
                $"Record from topic '{topic}' (schema id {id}) cannot be read as {typeof(T).Name}: {e.Message}",
                e
            );
        }
    }

    // The type's own schema (as registered, byte for byte) is checked by the compiled validation;
    // any other writer's schema by the library, or, in a binary without it, by the type's own
    // compiled schema (the constructor has refused a type without one there).
    private static JsonSchemaLibraryValidation? WriterSchema(string text, int id) =>
        Compiled is not null && string.Equals(text, T.JsonSchemaText, StringComparison.Ordinal)
            ? null
        : JsonSchemaLibrary.IsSupported ? JsonSchemaLibraryValidation.Parse(text, $"schema id {id}")
        : null;

    // Null: the compiled validation, which exists whenever the library is not given.
    private static JsonSchemaValidationResult Validate(
        JsonSchemaLibraryValidation? library,
        ReadOnlySpan<byte> json
    ) =>
        library is not null && JsonSchemaLibrary.IsSupported
            ? library.Validate(json)
            : CompiledJsonSchemaValidator.Validate(Compiled!, json);

    private static void Throw(JsonSchemaValidationResult result, string topic, string direction)
    {
        if (result.IsValid)
        {
            return;
        }
        if (
            result.Errors is [{ Kind: var kind }]
            && kind.StartsWith("InvalidJson: ", StringComparison.Ordinal)
        )
        {
            throw new JsonSchemaValidationException(
                $"Record {(direction == "write" ? "for" : "from")} topic '{topic}' is not valid JSON: {kind["InvalidJson: ".Length..]}"
            );
        }
        throw new JsonSchemaValidationException(
            $"{typeof(T).Name} {(direction == "write" ? "written to" : "read from")} topic '{topic}' violates its JSON Schema: {string.Join("; ", result.Errors)}.",
            result.Errors
        );
    }

    private static string? Title(string schemaText)
    {
        using var document = JsonDocument.Parse(schemaText);
        return
            document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("title", out var title)
            && title.ValueKind == JsonValueKind.String
            && title.GetString() is { Length: > 0 } text
            ? text
            : null;
    }
}
