using System;
using System.Collections.Generic;
using System.Linq;

namespace KConnector.Generator.Connectors;

/// <summary>
/// The converters a spec or attribute may name (Kafka Connect's class names, simple class names and
/// the short aliases Kafka Connect's plugin loader also accepts), and which key or value types each
/// can carry: what the runtime's ConverterFactory can build for a type's ConverterFormats.
/// </summary>
internal static class ConverterCatalog
{
    public const string StringClass = "org.apache.kafka.connect.storage.StringConverter";
    public const string AvroClass = "io.confluent.connect.avro.AvroConverter";
    public const string JsonClass = "org.apache.kafka.connect.json.JsonConverter";
    public const string JsonSchemaClass = "io.confluent.connect.json.JsonSchemaConverter";
    public const string ProtobufClass = "io.confluent.connect.protobuf.ProtobufConverter";
    public const string ByteArrayClass = "org.apache.kafka.connect.converters.ByteArrayConverter";

    // In the order a default is picked for a type with several formats: schema-carrying first.
    private static readonly ConverterKind[] Kinds =
    {
        ConverterKind.Avro,
        ConverterKind.JsonSchema,
        ConverterKind.Protobuf,
        ConverterKind.String,
        ConverterKind.ByteArray,
        ConverterKind.Json,
    };

    /// <summary>Every name accepted, for did-you-mean suggestions.</summary>
    public static IEnumerable<string> AllNames => Kinds.SelectMany(NamesOfKind);

    public static bool TryGet(string name, out ConverterKind kind)
    {
        var trimmed = name.Trim();
        foreach (var candidate in Kinds)
        {
            if (
                NamesOfKind(candidate)
                    .Any(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase))
            )
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static string ClassOf(ConverterKind kind) =>
        kind switch
        {
            ConverterKind.Avro => AvroClass,
            ConverterKind.Json => JsonClass,
            ConverterKind.JsonSchema => JsonSchemaClass,
            ConverterKind.Protobuf => ProtobufClass,
            ConverterKind.ByteArray => ByteArrayClass,
            _ => StringClass,
        };

    /// <summary>The class name, its simple name and its short alias (AvroConverter, Avro).</summary>
    public static string[] NamesOfKind(ConverterKind kind)
    {
        var full = ClassOf(kind);
        var simple = full.Substring(full.LastIndexOf('.') + 1);
        return new[] { full, simple, simple.Substring(0, simple.Length - "Converter".Length) };
    }

    /// <summary>
    /// Whether the converter can carry a type of <paramref name="formats"/>, as ConverterFactory
    /// decides at run time: Avro, JsonSchema and Protobuf need their codecs; Json carries records of
    /// either schema language, strings and bytes; String and ByteArray only strings and bytes.
    /// </summary>
    public static bool Carries(ConverterKind kind, TypeFormats formats) =>
        (formats & Carried(kind)) != TypeFormats.None;

    /// <summary>The converter a type gets when none is named.</summary>
    public static ConverterKind DefaultFor(TypeFormats formats) =>
        Kinds.FirstOrDefault(k => Carries(k, formats));

    /// <summary>The names a run-time override of the converter key may use: those of every converter that carries the type.</summary>
    public static string[] NamesOf(TypeFormats formats) =>
        Kinds.Where(k => Carries(k, formats)).SelectMany(NamesOfKind).ToArray();

    /// <summary>The class names of the converters that carry <paramref name="formats"/>, for a fix in a message.</summary>
    public static string Alternatives(TypeFormats formats) =>
        string.Join(" or ", Kinds.Where(k => Carries(k, formats)).Select(ClassOf));

    /// <summary>What the converter needs, for a message; <paramref name="schemaKey"/> is where the type is named (key.schema, ValueType).</summary>
    public static string Requirement(ConverterKind kind, string schemaKey) =>
        kind switch
        {
            ConverterKind.Avro => "it needs a record generated from an .avsc file (name one in "
                + schemaKey
                + ")",
            ConverterKind.JsonSchema =>
                "it needs a type generated from a .schema.json file (name one in "
                    + schemaKey
                    + ")",
            ConverterKind.Protobuf => "it needs a protoc-generated Protobuf message ("
                + (
                    schemaKey.EndsWith(".schema", StringComparison.Ordinal)
                        ? "name its .proto file in " + schemaKey
                        : "as " + schemaKey + ", compiled from a .proto file by Grpc.Tools"
                )
                + ")",
            ConverterKind.Json => "it carries .avsc records, .schema.json types, string and byte[]",
            ConverterKind.ByteArray => "it passes byte[] through as it is (leave "
                + schemaKey
                + " out)",
            _ => "it reads and writes strings only (leave " + schemaKey + " out)",
        };

    /// <summary>A key or value type in words: "a string key", "the value record Shop.Order (from an .avsc file)".</summary>
    public static string Describe(TypeFormats formats, string typeName, string side) =>
        formats switch
        {
            TypeFormats.String => "a string " + side,
            TypeFormats.Bytes => "a byte[] " + side,
            TypeFormats.AvroRecord => "the "
                + side
                + " record "
                + typeName
                + " (from an .avsc file)",
            TypeFormats.JsonSchemaRecord => "the "
                + side
                + " type "
                + typeName
                + " (from a .schema.json file)",
            TypeFormats.ProtobufMessage => "the " + side + " Protobuf message " + typeName,
            _ => "the " + side + " type " + typeName,
        };

    private static TypeFormats Carried(ConverterKind kind) =>
        kind switch
        {
            ConverterKind.Avro => TypeFormats.AvroRecord | TypeFormats.OwnFormats,
            ConverterKind.JsonSchema => TypeFormats.JsonSchemaRecord,
            ConverterKind.Protobuf => TypeFormats.ProtobufMessage,
            ConverterKind.Json => TypeFormats.AvroRecord
                | TypeFormats.JsonSchemaRecord
                | TypeFormats.String
                | TypeFormats.Bytes,
            ConverterKind.ByteArray => TypeFormats.Bytes,
            _ => TypeFormats.String,
        };
}
