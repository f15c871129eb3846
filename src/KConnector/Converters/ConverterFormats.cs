using Google.Protobuf;
using KConnector.Avro;
using KConnector.Converters.Json;
using KConnector.Json;
using KConnector.SchemaRegistry;

namespace KConnector.Converters;

/// <summary>Builds <see cref="ConverterFormats{T}"/> for the kinds of types converters know.</summary>
public static class ConverterFormats
{
    /// <summary>A type generated from an .avsc file: Avro, and Json (with its Connect schema from Avro).</summary>
    public static ConverterFormats<T> AvroRecord<T>()
        where T : class, IAvroRecord<T>, IJsonRecord<T> =>
        new()
        {
            Avro = static (registry, config) => new AvroConverter<T>(registry, config),
            Json = static () => new AvroRecordJsonCodec<T>(),
        };

    /// <summary>A type generated from a JSON Schema: JsonSchema and Json.</summary>
    public static ConverterFormats<T> JsonSchemaRecord<T>()
        where T : class, IJsonSchemaRecord<T> =>
        new()
        {
            JsonSchema = static (registry, config) => new JsonSchemaConverter<T>(registry, config),
            Json = static () => new JsonSchemaRecordJsonCodec<T>(),
        };

    /// <summary>A protoc-generated message declared in <paramref name="protoText"/>: Protobuf.</summary>
    public static ConverterFormats<T> ProtobufMessage<T>(string protoText)
        where T : class, IMessage<T>, new() =>
        new()
        {
            Protobuf = (registry, config) => new ProtobufConverter<T>(registry, config, protoText),
        };

    /// <summary>Any type with a hand-written <see cref="IJsonCodec{T}"/>: Json (<paramref name="codec"/> makes one per converter).</summary>
    public static ConverterFormats<T> Json<T>(Func<IJsonCodec<T>> codec) => new() { Json = codec };

    /// <summary>
    /// A type that writes itself with a schema it knows only at run time (a change event whose table
    /// may gain a column): <c>AvroConverter</c> builds <paramref name="avro"/>'s converter with the
    /// worker's Schema Registry client and the converter's settings.
    /// </summary>
    public static ConverterFormats<T> RuntimeSchemaAvro<T>(
        Func<ISchemaRegistryClient, ConverterConfig, IConverter<T>> avro
    )
    {
        ArgumentNullException.ThrowIfNull(avro);
        return new() { Avro = avro };
    }

    /// <summary>
    /// A Connect primitive a compiled chain makes (a field ExtractField made the key or value, or a
    /// whole-value Cast): Avro (<paramref name="avroSchemaJson"/>, the primitive's schema as
    /// Confluent's AvroData writes it, registered as it is) and Json (its Connect schema in the
    /// envelope). <typeparamref name="T"/> is the type the generated records give the primitive
    /// (int, long, float, double, bool, string, byte[], DateTimeOffset, DateOnly, TimeOnly, or a
    /// value type's Nullable).
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is no such type.</exception>
    public static ConverterFormats<T> ConnectPrimitive<T>(string avroSchemaJson)
    {
        ArgumentNullException.ThrowIfNull(avroSchemaJson);
        var codec =
            Primitives.PrimitiveCodecs.For<T>()
            ?? throw new ArgumentException(
                $"{typeof(T).Name} is no Connect primitive a compiled chain makes.",
                nameof(avroSchemaJson)
            );
        return new()
        {
            Avro = (registry, config) =>
                new Primitives.PrimitiveAvroConverter<T>(registry, config, avroSchemaJson, codec),
            Json = () => new Primitives.PrimitiveJsonCodec<T>(avroSchemaJson, codec),
            Text = JavaTextConverter<T>(),
        };
    }

    // Connect's StringConverter writes a number, boolean or Timestamp/Date/Time's toString(); a
    // string needs none (StringConverter carries it) and byte[] has no Java text.
    private static Func<ConverterConfig, IConverter<T>>? JavaTextConverter<T>() =>
        typeof(T) != typeof(string)
        && Primitives.JavaText.For<T>() is { } text
        && Primitives.JavaTextParsers.For<T>() is { } parse
            ? config => new Primitives.PrimitiveStringConverter<T>(config, text, parse)
            : null;

    /// <summary>Nothing beyond what the type itself allows (String for string, ByteArray for byte[], Json for both).</summary>
    public static ConverterFormats<T> None<T>() => new();
}
