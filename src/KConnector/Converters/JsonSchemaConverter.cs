using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using KConnector.Json;
using KConnector.JsonSchema;
using KConnector.SchemaRegistry;
using NJsonSchema;
using NJsonSchemaDocument = NJsonSchema.JsonSchema;
using SchemaType = KConnector.SchemaRegistry.SchemaType;

namespace KConnector.Converters;

/// <summary>
/// Confluent's <c>io.confluent.connect.json.JsonSchemaConverter</c> for a type generated from a JSON
/// Schema: magic byte 0, the 4-byte big-endian schema id, then the JSON text. The schema text is what
/// is registered (schemaType JSON; RecordNameStrategy uses its <c>title</c>). Every payload is validated
/// with NJsonSchema: on write against the type's schema, on read against the writer's schema fetched
/// by id; a violation is a <see cref="JsonSchemaValidationException"/> listing the failing paths.
/// </summary>
/// <typeparam name="T">A type generated from a <c>*.schema.json</c> file.</typeparam>
public sealed class JsonSchemaConverter<T> : IConverter<T>, IDeadLetterEncoding<T>
    where T : class, IJsonSchemaRecord<T>
{
    private readonly NJsonSchemaDocument _schema;
    private readonly WriterSchemaIds _writerIds;
    private readonly ReaderSchemas _readerSchemas;
    private readonly ConcurrentDictionary<int, NJsonSchemaDocument> _writerSchemas = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates a converter with <paramref name="config"/>'s subject strategy, auto-registration and use.latest.version.</summary>
    public JsonSchemaConverter(ISchemaRegistryClient registry, ConverterConfig config)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(config);
        _schema = Parse(T.JsonSchemaText, typeof(T).Name);
        _writerIds = new WriterSchemaIds(
            registry,
            config,
            new Schema(T.JsonSchemaText, SchemaType.Json),
            string.IsNullOrEmpty(_schema.Title) ? typeof(T).Name : _schema.Title
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
        Validate(_schema, _buffer.WrittenSpan[ConfluentWireFormat.HeaderLength..], topic, "write");
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
                Parse(
                    state.Self._readerSchemas.For(state.Topic, schemaId).SchemaString,
                    $"schema id {schemaId}"
                ),
            (Self: this, Topic: topic)
        );
        var json = data.AsSpan(ConfluentWireFormat.HeaderLength);
        Validate(writerSchema, json, topic, "read");
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

    private static void Validate(
        NJsonSchemaDocument schema,
        ReadOnlySpan<byte> json,
        string topic,
        string direction
    )
    {
        // NJsonSchema validates Newtonsoft tokens, so the payload is handed over as text.
        var text = Encoding.UTF8.GetString(json);
        ICollection<NJsonSchema.Validation.ValidationError> errors;
        try
        {
            errors = schema.Validate(text);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new JsonSchemaValidationException(
                $"Record {(direction == "write" ? "for" : "from")} topic '{topic}' is not valid JSON: {e.Message}",
                e
            );
        }
        if (errors.Count > 0)
        {
            // The validator's form of each error (innermost JSON path, NJsonSchema's kind), so a
            // violation reads the same whoever found it.
            var list = new List<JsonSchemaValidationError>(errors.Count);
            JsonSchemaValidator.Flatten(errors, list);
            throw new JsonSchemaValidationException(
                $"{typeof(T).Name} {(direction == "write" ? "written to" : "read from")} topic '{topic}' violates its JSON Schema: {string.Join("; ", list)}.",
                list
            );
        }
    }

    private static NJsonSchemaDocument Parse(string text, string what)
    {
        try
        {
            return NJsonSchemaDocument.FromJsonAsync(text).GetAwaiter().GetResult();
        }
        catch (Exception e)
            when (e
                    is Newtonsoft.Json.JsonException
                        or InvalidOperationException
                        or NotSupportedException
            )
        {
            throw new DataException($"The JSON Schema of {what} cannot be parsed: {e.Message}", e);
        }
    }
}
