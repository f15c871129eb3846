using System.Collections.Generic;
using System.Linq;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The key side of a spec's compiled chain. The key starts as the task's own key where the build
/// knows its schema (an .avsc record key read through <c>key.*</c>, or a string or bytes key) and
/// the <c>$Key</c> stages rewrite it as <see cref="CompiledStages"/> rewrites the value:
/// HoistField$Key makes any key the one field of a <c>ConnectDefault</c> struct, ExtractField$Key
/// may end it with one of its fields. On a source, <c>ValueToKey</c> instead makes the key a
/// struct of the value's fields as the stages before it left them (each slot's expression is over
/// the task's value); stages before it are overwritten, as in Connect. The key is computed in the
/// key converter: on a source after the rest of the chain (the runner hands the converter the
/// whole record when the key is read from the value), on a sink right after the key is read.
/// </summary>
internal sealed class KeyChainCompiler
{
    /// <summary>The Avro name Confluent's AvroData gives a struct without a name, as ValueToKey's is.</summary>
    public const string UnnamedStruct = "io.confluent.connect.avro.ConnectDefault";

    private readonly string? _ownKeyUnknown;
    private CompiledStages? _key;

    /// <summary>
    /// A key chain starting from the task's own key: <paramref name="ownKey"/> the key's fields
    /// (an .avsc record key), or <paramref name="primitive"/> a string or bytes key, or neither
    /// with <paramref name="unknown"/> saying why a <c>$Key</c> stage on it cannot compile.
    /// </summary>
    public KeyChainCompiler(
        CompiledStages? ownKey = null,
        CompiledSlot? primitive = null,
        string? unknown = null
    )
    {
        _key = ownKey;
        Extracted = primitive;
        _ownKeyUnknown = unknown;
    }

    /// <summary>Whether a key-side stage was compiled (the key chain is emitted).</summary>
    public bool Started { get; private set; }

    /// <summary>Whether a field of the key reads the record's Kafka metadata (an InsertField's partition, offset or timestamp).</summary>
    public bool ReadsMetadata => _readsMetadata || _key?.ReadsMetadata == true;

    private bool _readsMetadata;

    /// <summary>Whether the key is computed from the task's value (a ValueToKey) rather than its own key.</summary>
    public bool ReadsValue { get; private set; }

    /// <summary>The key's fields, or null while the key is one primitive field.</summary>
    public CompiledStages? Record => Extracted is null ? _key : null;

    /// <summary>The primitive the key is (the task's string key, or the field ExtractField$Key made it), or null.</summary>
    public CompiledSlot? Extracted { get; private set; }

    /// <summary>
    /// Compiles one key-side stage of kind <paramref name="kind"/> (ValueToKey, or the kind of a
    /// <c>$Key</c> variant) after the value stages before it; the problem and the key it names when
    /// it cannot be compiled.
    /// </summary>
    public (string Key, string Reason)? Apply(
        string kind,
        TransformStep step,
        CompiledStages value,
        string plugin
    )
    {
        Started = true;
        if (kind == "HeaderFrom")
        {
            return (
                "type",
                "the key's compiled chain runs in the key converter, which writes the key but not the record's headers; HeaderFrom$Value compiles on a source, HeaderFrom$Key does not yet"
            );
        }
        if (kind == "ValueToKey")
        {
            // The fold has checked that each field is one of the value's.
            var slots = step.List("fields")
                .Select(name => value.Slots.First(s => s.Name == name))
                .ToList();
            _key = new CompiledStages(slots, UnnamedStruct);
            Extracted = null;
            ReadsValue = true;
            // The value's fields so far may read the record's metadata.
            _readsMetadata = value.ReadsMetadata;
            return null;
        }
        if (_key is null && Extracted is null)
        {
            return ("type", _ownKeyUnknown ?? "the task's key is not known at build time");
        }
        if (Extracted is { } primitive)
        {
            return kind == "HoistField" ? Hoist(step, primitive) : PrimitiveProblem(primitive);
        }
        return kind == "ExtractField" ? Extract(step, plugin) : Rewrite(kind, step, plugin);
    }

    private (string Key, string Reason)? Rewrite(string kind, TransformStep step, string plugin) =>
        _key!.Apply(kind, step, plugin) ? null : _key.Problem;

    // HoistField of a primitive key: Connect's struct of one field holding it, which AvroData names ConnectDefault.
    private (string Key, string Reason)? Hoist(TransformStep step, CompiledSlot primitive)
    {
        var name = step.Setting("field")?.Text.Trim() ?? string.Empty;
        _readsMetadata = ReadsMetadata;
        _key = new CompiledStages(
            new List<CompiledSlot> { primitive with { Name = name } },
            UnnamedStruct
        );
        Extracted = null;
        return null;
    }

    private static (string Key, string Reason) PrimitiveProblem(CompiledSlot primitive) =>
        (
            "type",
            "the key is "
                + (
                    primitive.Name.Length == 0
                        ? "the task's "
                        : "the field \"" + primitive.Name + "\" ("
                )
                + primitive.Type.ToString().ToLowerInvariant()
                + (primitive.Name.Length == 0 ? " key" : ")")
                + ", and of the transformations of a primitive key only HoistField$Key is compiled in this version"
        );

    private (string Key, string Reason)? Extract(TransformStep step, string plugin)
    {
        var name = step.Setting("field")?.Text.Trim() ?? string.Empty;
        var v2 = step.Setting("field.syntax.version")?.Text.Trim() == "V2";
        // The fold has checked the field; a struct field (or a V2 path) stays a record.
        var slot = _key!.Slots.FirstOrDefault(s => s.Name == name);
        if (v2 || slot?.Fields is not null)
        {
            return Rewrite("ExtractField", step, plugin);
        }
        if (slot is null)
        {
            return ("field", "the key has no field \"" + name + "\"");
        }
        if (slot.Type is not (ConnectSchemaType.String or ConnectSchemaType.Bytes))
        {
            return (
                "field",
                "the key would be the field \""
                    + name
                    + "\" of type "
                    + slot.Type.ToString().ToLowerInvariant()
                    + ", and a compiled primitive key is a string or bytes in this version (Cast$Key the field to string before ExtractField$Key)"
            );
        }
        Extracted = slot;
        return null;
    }

    /// <summary>The output key's fields (one, unnamed, after ExtractField).</summary>
    public IReadOnlyList<CompiledSlot> Slots => Extracted is { } one ? new[] { one } : _key!.Slots;
}
