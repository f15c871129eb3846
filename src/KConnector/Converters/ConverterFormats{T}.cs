using KConnector.Converters.Json;
using KConnector.SchemaRegistry;

namespace KConnector.Converters;

/// <summary>
/// The formats a type can be converted in, gathered without reflection so that
/// <see cref="ConverterFactory"/> can build the converter a config's class name asks for. Build one
/// with <see cref="ConverterFormats"/>' methods (whose generic constraints prove the type has the codec)
/// and combine them with <see cref="And"/>.
/// </summary>
/// <typeparam name="T">The typed key or value.</typeparam>
public sealed class ConverterFormats<T>
{
    internal Func<ISchemaRegistryClient, ConverterConfig, IConverter<T>>? Avro { get; init; }

    internal Func<ISchemaRegistryClient, ConverterConfig, IConverter<T>>? Protobuf { get; init; }

    internal Func<ISchemaRegistryClient, ConverterConfig, IConverter<T>>? JsonSchema { get; init; }

    // A factory, not an instance: codecs keep buffers, and each converter gets its own.
    internal Func<IJsonCodec<T>>? Json { get; init; }

    // The StringConverter of a type other than string: a Connect primitive's Java toString().
    internal Func<ConverterConfig, IConverter<T>>? Text { get; init; }

    /// <summary>Both sets of formats (this one's where both have one).</summary>
    public ConverterFormats<T> And(ConverterFormats<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new()
        {
            Avro = Avro ?? other.Avro,
            Protobuf = Protobuf ?? other.Protobuf,
            JsonSchema = JsonSchema ?? other.JsonSchema,
            Json = Json ?? other.Json,
            Text = Text ?? other.Text,
        };
    }
}
