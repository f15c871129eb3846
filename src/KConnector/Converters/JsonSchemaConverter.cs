using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using KConnector.Json;
using KConnector.JsonSchema;
using KConnector.SchemaRegistry;
using NJsonSchemaDocument = NJsonSchema.JsonSchema;
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
/// and a writer's schema that is not the type's own.
/// </summary>
/// <typeparam name="T">A type generated from a <c>*.schema.json</c> file.</typeparam>
public sealed class JsonSchemaConverter<T> : IConverter<T>, IDeadLetterEncoding<T>
    where T : class, IJsonSchemaRecord<T>
{
    private static readonly CompiledJsonSchemaValidation? Compiled = T.CompiledValidation;
    private readonly Lazy<NJsonSchemaDocument> _schema;
    private readonly WriterSchemaIds _writerIds;
    private readonly ReaderSchemas _readerSchemas;

    // Per writer schema id: null when it is the type's own schema and that is compiled.
    private readonly ConcurrentDictionary<int, NJsonSchemaDocument?> _writerSchemas = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates a converter with <paramref name="config"/>'s subject strategy, auto-registration and use.latest.version.</summary>
    public JsonSchemaConverter(ISchemaRegistryClient registry, ConverterConfig config)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(config);
        _schema = new Lazy<NJsonSchemaDocument>(() =>
            JsonSchemaLibraryValidation.Parse(T.JsonSchemaText, typeof(T).Name)
        );
        if (Compiled is null)
        {
            _ = _schema.Value; // a schema the library cannot load fails here, at the start, as before
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
        Throw(
            Compiled is null
                ? JsonSchemaLibraryValidation.Validate(_schema.Value, json)
                : CompiledJsonSchemaValidator.Validate(Compiled, json),
            topic,
            "write"
        );
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
        Throw(
            writerSchema is null
                ? CompiledJsonSchemaValidator.Validate(Compiled!, json)
                : JsonSchemaLibraryValidation.Validate(writerSchema, json),
            topic,
            "read"
        );
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
    // any other writer's schema by the library.
    private static NJsonSchemaDocument? WriterSchema(string text, int id) =>
        Compiled is not null && string.Equals(text, T.JsonSchemaText, StringComparison.Ordinal)
            ? null
            : JsonSchemaLibraryValidation.Parse(text, $"schema id {id}");

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
