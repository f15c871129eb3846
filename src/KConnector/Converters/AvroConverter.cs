using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using KConnector.Avro;
using KConnector.SchemaRegistry;

namespace KConnector.Converters;

/// <summary>
/// Kafka Connect's <c>AvroConverter</c> (<c>io.confluent.connect.avro.AvroConverter</c>) for a
/// generated record type: Confluent's wire format (magic byte 0, the 4-byte big-endian schema id,
/// then the Avro binary payload). The schema is registered (<c>auto.register.schemas</c>), looked up,
/// or taken as the subject's latest version (<c>use.latest.version</c>) under the subject the
/// configured strategy names (TopicNameStrategy by default: <c>{topic}-key</c> / <c>{topic}-value</c>).
/// </summary>
/// <typeparam name="T">A type generated from an .avsc file.</typeparam>
public sealed class AvroConverter<T> : IConverter<T>, IDeadLetterEncoding<T>
    where T : class, IAvroRecord<T>
{
    private readonly ISchemaRegistryClient _registry;
    private readonly WriterSchemaIds _writerIds;

    // One reader per writer schema id: the resolution plan is built once per writer schema.
    private readonly ConcurrentDictionary<int, AvroResolvingReader<T>> _readers = new();

    // The last id and its reader: a steady stream costs one int compare, no dictionary lookup.
    // One reference, read and written whole: a (id, reader) tuple is two words, and a converter
    // read from two threads could pair one record's schema id with another's reader.
    private LastReader? _last;
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    /// <summary>Creates a converter with the defaults (auto-registering under TopicNameStrategy).</summary>
    public AvroConverter(ISchemaRegistryClient registry, bool isKey)
        : this(registry, ConverterConfig.From(new Dictionary<string, string>(), isKey)) { }

    /// <summary>Creates a converter with <paramref name="config"/>'s subject strategy,
    /// <c>auto.register.schemas</c> and <c>use.latest.version</c>.</summary>
    public AvroConverter(ISchemaRegistryClient registry, ConverterConfig config)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(config);
        _registry = registry;
        _writerIds = new WriterSchemaIds(
            registry,
            config,
            new Schema(T.AvroSchemaJson, SchemaType.Avro),
            FullName(T.AvroSchemaJson)
        );
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
        var writer = new AvroWriter(_buffer);
        T.Encode(ref writer, value);
        return _buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public string DeadLetterEncoding => "avro-binary";

    /// <inheritdoc />
    public byte[] EncodeForDeadLetter(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new AvroWriter(buffer);
        T.Encode(ref writer, value);
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
        if (
            data.Length < ConfluentWireFormat.HeaderLength
            || data[0] != ConfluentWireFormat.MagicByte
        )
        {
            throw new DataException(
                $"Record from topic '{topic}' is not in Confluent's wire format: "
                    + (
                        data.Length == 0 ? "it is empty."
                        : data[0] != ConfluentWireFormat.MagicByte
                            ? $"the magic byte is {data[0]}, expected 0."
                        : $"it has {data.Length} byte(s), fewer than the 5 of the magic byte and schema id."
                    )
            );
        }
        var id = ConfluentWireFormat.ReadSchemaId(topic, data);
        // The writer schema comes from the registry by id; data written with an older or newer
        // version is resolved into T as the Avro specification's "Schema Resolution" says.
        var reader = _last is { } last && last.Id == id ? last.Reader : Remember(id, topic);
        return reader.Read(data.AsSpan(ConfluentWireFormat.HeaderLength));
    }

    private AvroResolvingReader<T> Remember(int id, string topic)
    {
        var reader = _readers.GetOrAdd(id, ReaderFor, topic);
        _last = new LastReader(id, reader);
        return reader;
    }

    /// <summary>The reader of the schema id the last record was written with.</summary>
    private sealed record LastReader(int Id, AvroResolvingReader<T> Reader);

    private AvroResolvingReader<T> ReaderFor(int id, string topic)
    {
        string writerSchema;
        try
        {
            writerSchema = _registry
                .GetSchemaAsync(id, CancellationToken.None)
                .AsTask()
                .GetAwaiter()
                .GetResult();
        }
        catch (SchemaRegistryException e)
        {
            throw RegistryFailure.For(
                e,
                $"Record from topic '{topic}' names schema id {id}, which the Schema Registry cannot give"
            );
        }
        try
        {
            return AvroResolvingReader<T>.For(writerSchema);
        }
        catch (AvroSchemaResolutionException e)
        {
            throw new DataException(
                $"Record from topic '{topic}' was written with schema id {id}, which {typeof(T).Name}'s schema cannot read: {e.Message}",
                e
            );
        }
    }

    // The record's full name (Avro spec, "Names"): what RecordNameStrategy registers under.
    internal static string FullName(string schemaJson)
    {
        using var doc = JsonDocument.Parse(schemaJson);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name))
        {
            return root.ValueKind == JsonValueKind.String ? root.GetString()! : "record";
        }
        var simple = name.GetString()!;
        return
            simple.Contains('.', StringComparison.Ordinal)
            || !root.TryGetProperty("namespace", out var ns)
            || string.IsNullOrEmpty(ns.GetString())
            ? simple
            : ns.GetString() + "." + simple;
    }
}
