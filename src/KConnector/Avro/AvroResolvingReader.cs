using System.Collections.Concurrent;
using KConnector.Avro.Resolution;

namespace KConnector.Avro;

/// <summary>
/// Reads Avro data written with another schema (the writer's, as a registry returns it) into
/// the generated type <typeparamref name="T"/> (Avro specification, "Schema Resolution"). The
/// plan is built once per writer schema text and cached: <see cref="For"/> is cheap after the
/// first call. When the writer's schema has the reader's canonical form, the type's own
/// <c>Decode</c> is used directly.
/// </summary>
/// <typeparam name="T">A generated record type.</typeparam>
public sealed class AvroResolvingReader<T>
    where T : IAvroRecord<T>
{
    // Writer schemas per type are few (one per registered version), so the cache is not bounded.
    private static readonly ConcurrentDictionary<string, AvroResolvingReader<T>> Cache = new(
        StringComparer.Ordinal
    );
    private static readonly Lazy<AvroSchemaNode> ReaderSchema = new(() =>
        AvroSchemaReader.Parse(T.AvroSchemaJson)
    );

    private readonly AvroResolutionPlan? _plan;

    private AvroResolvingReader(string writerSchemaJson)
    {
        if (string.Equals(writerSchemaJson, T.AvroSchemaJson, StringComparison.Ordinal))
        {
            return;
        }
        var writer = AvroSchemaReader.Parse(writerSchemaJson);
        var reader = ReaderSchema.Value;
        if (AvroCanonical.Of(writer) != AvroCanonical.Of(reader))
        {
            _plan = AvroResolutionPlanner.Build(writer, reader);
        }
    }

    /// <summary>True when the writer's schema differs from the reader's and values go through a resolution plan.</summary>
    public bool Resolves => _plan is not null;

    /// <summary>The reader for data written with <paramref name="writerSchemaJson"/>.</summary>
    /// <exception cref="AvroSchemaResolutionException">The schemas are incompatible; the message names the field and the reason.</exception>
    public static AvroResolvingReader<T> For(string writerSchemaJson)
    {
        ArgumentNullException.ThrowIfNull(writerSchemaJson);
        return Cache.GetOrAdd(writerSchemaJson, static json => new AvroResolvingReader<T>(json));
    }

    /// <summary>Decodes one value (the Avro payload, without any wire-format header).</summary>
    /// <exception cref="AvroDecodeException">The bytes are corrupt or truncated, or bytes follow the value.</exception>
    public T Read(ReadOnlySpan<byte> payload)
    {
        var reader = new AvroReader(payload);
        var value = _plan is null ? T.Decode(ref reader) : T.DecodeResolved(ref reader, _plan);
        reader.ExpectEnd(typeof(T).Name);
        return value;
    }
}
