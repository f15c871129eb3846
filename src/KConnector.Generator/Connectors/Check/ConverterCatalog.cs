using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Helpers;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Connectors;

/// <summary>
/// The converters a spec or attribute may name, as the runtime's converter descriptors declare them
/// (<see cref="PluginCatalog.Converters"/>: class names and aliases, the types each carries): which
/// converter a type gets by default, which a config may switch to, and what to say when a named
/// one cannot carry the type. No converter is listed here.
/// </summary>
internal static class ConverterCatalog
{
    // Only when the compilation does not reference the runtime (no descriptors, so no framework
    // keys either and the spec is refused anyway): the type still gets a converter to name.
    private static readonly ConverterPluginModel NoCatalog = new(
        "org.apache.kafka.connect.storage.StringConverter",
        EquatableArray<string>.Empty,
        false,
        TypeFormats.String,
        EquatableArray<ConfigKeyModel>.Empty
    );

    /// <summary>The key/value converters, the most specific first (a default is the first that carries the type).</summary>
    public static IEnumerable<ConverterPluginModel> Converters(PluginCatalog catalog) =>
        catalog
            .Converters.Where(c => !c.IsHeaderConverter && c.Creatable)
            .OrderBy(c => c.Breadth)
            .ThenBy(c => c.ClassName, StringComparer.Ordinal);

    /// <summary>Every name accepted, for did-you-mean suggestions.</summary>
    public static IEnumerable<string> AllNames(PluginCatalog catalog) =>
        Converters(catalog).SelectMany(c => c.Names);

    /// <summary>The converter <paramref name="name"/> names (class name or alias, any case), or null.</summary>
    public static ConverterPluginModel? Find(PluginCatalog catalog, string name) =>
        Converters(catalog).FirstOrDefault(c => c.IsNamed(name));

    /// <summary>The converter a type gets when none is named: the most specific that carries it.</summary>
    public static ConverterPluginModel DefaultFor(PluginCatalog catalog, TypeFormats formats) =>
        // A package's converter is used where named only: the runtime's stay the defaults.
        Converters(catalog)
            .OrderBy(c => c.Descriptor is not null)
            .FirstOrDefault(c => c.CanCarry(formats))
        ?? Converters(catalog).FirstOrDefault(c => c.CanCarry(TypeFormats.String))
        ?? NoCatalog;

    /// <summary>The names a run-time override of the converter key may use: those of every converter that carries the type.</summary>
    public static string[] NamesOf(PluginCatalog catalog, TypeFormats formats) =>
        Converters(catalog).Where(c => c.CanCarry(formats)).SelectMany(c => c.Names).ToArray();

    /// <summary>The class names of the converters that carry <paramref name="formats"/>, for a fix in a message.</summary>
    public static string Alternatives(PluginCatalog catalog, TypeFormats formats) =>
        string.Join(
            " or ",
            Converters(catalog).Where(c => c.CanCarry(formats)).Select(c => c.ClassName)
        );

    /// <summary>What the converter needs, from the types it carries, for a message; <paramref name="schemaKey"/> is where the type is named (key.schema, ValueType).</summary>
    public static string Requirement(ConverterPluginModel converter, string schemaKey) =>
        // The fix names the spec's own types: a plugin's own formats and the primitives a compiled chain makes are not written there.
        (
            converter.Carries
            & ~(
                TypeFormats.OwnFormats
                | TypeFormats.ConnectPrimitive
                | TypeFormats.SchemalessJson
                | TypeFormats.PrimitiveText
            )
        ) switch
        {
            TypeFormats.AvroRecord => "it needs a record generated from an .avsc file (name one in "
                + schemaKey
                + ")",
            TypeFormats.JsonSchemaRecord =>
                "it needs a type generated from a .schema.json file (name one in "
                    + schemaKey
                    + ")",
            TypeFormats.ProtobufMessage => "it needs a protoc-generated Protobuf message ("
                + (
                    schemaKey.EndsWith(".schema", StringComparison.Ordinal)
                        ? "name its .proto file in " + schemaKey
                        : "as " + schemaKey + ", compiled from a .proto file by Grpc.Tools"
                )
                + ")",
            TypeFormats.Bytes => "it passes byte[] through as it is (leave " + schemaKey + " out)",
            TypeFormats.String => "it reads and writes strings only (leave " + schemaKey + " out)",
            var carried => "it carries " + Words(carried),
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

    // ".avsc records, .schema.json types, string and byte[]"
    private static string Words(TypeFormats carried)
    {
        var words = new List<string>();
        Add(TypeFormats.AvroRecord, ".avsc records");
        Add(TypeFormats.JsonSchemaRecord, ".schema.json types");
        Add(TypeFormats.ProtobufMessage, "Protobuf messages");
        Add(TypeFormats.String, "string");
        Add(TypeFormats.Bytes, "byte[]");
        return words.Count < 2
            ? string.Join(string.Empty, words)
            : string.Join(", ", words.Take(words.Count - 1)) + " and " + words[words.Count - 1];

        void Add(TypeFormats format, string word)
        {
            if ((carried & format) != 0)
            {
                words.Add(word);
            }
        }
    }
}
