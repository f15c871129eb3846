using System;
using System.Collections.Generic;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Converter names a spec or attribute may use: Kafka Connect's class names and short names. The
/// ones whose runtime converter does not exist yet are known (so they get "not supported yet", not
/// "unknown").
/// </summary>
internal static class ConverterCatalog
{
    public const string StringClass = "org.apache.kafka.connect.storage.StringConverter";
    public const string AvroClass = "io.confluent.connect.avro.AvroConverter";

    private static readonly Dictionary<string, ConverterKind> Supported = new(
        StringComparer.OrdinalIgnoreCase
    )
    {
        [StringClass] = ConverterKind.String,
        ["StringConverter"] = ConverterKind.String,
        ["String"] = ConverterKind.String,
        [AvroClass] = ConverterKind.Avro,
        ["AvroConverter"] = ConverterKind.Avro,
        ["Avro"] = ConverterKind.Avro,
    };

    /// <summary>Known to Kafka Connect, not available in this version.</summary>
    public static readonly string[] NotYetSupported =
    {
        "org.apache.kafka.connect.json.JsonConverter",
        "io.confluent.connect.json.JsonSchemaConverter",
        "io.confluent.connect.protobuf.ProtobufConverter",
        "org.apache.kafka.connect.converters.ByteArrayConverter",
        "JsonConverter",
        "JsonSchemaConverter",
        "ProtobufConverter",
        "ByteArrayConverter",
    };

    /// <summary>Every name accepted or known, for did-you-mean suggestions.</summary>
    public static IEnumerable<string> AllNames
    {
        get
        {
            foreach (var name in Supported.Keys)
            {
                yield return name;
            }
            foreach (var name in NotYetSupported)
            {
                yield return name;
            }
        }
    }

    public static bool TryGet(string name, out ConverterKind kind) =>
        Supported.TryGetValue(name.Trim(), out kind);

    public static bool IsKnownButUnsupported(string name) =>
        Array.Exists(
            NotYetSupported,
            n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase)
        );

    /// <summary>The names a runtime override of the converter key may use: those of the same converter.</summary>
    public static string[] NamesOf(ConverterKind kind) =>
        kind == ConverterKind.Avro
            ? new[] { AvroClass, "AvroConverter", "Avro" }
            : new[] { StringClass, "StringConverter", "String" };

    public static string ClassOf(ConverterKind kind) =>
        kind == ConverterKind.Avro ? AvroClass : StringClass;
}
