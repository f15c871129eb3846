using System.Collections.Generic;
using System.Linq;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The key side of a spec's compiled chain. The key starts as the task's own key where the build
/// knows its schema (an .avsc record key read through <c>key.*</c>, or a string or bytes key) and
/// the <c>$Key</c> stages rewrite it as <see cref="CompiledStages"/> rewrites the value (a primitive
/// key too: ExtractField$Key of a primitive field, a whole-key Cast$Key, HoistField$Key). On a source, <c>ValueToKey</c> instead makes the key a
/// struct of the value's fields as the stages before it left them (each slot's expression is over
/// the task's value); stages before it are overwritten, as in Connect. The key is computed in the
/// key converter: on a source after the rest of the chain (the runner hands the converter the
/// whole record when the key is read from the value), on a sink right after the key is read. A
/// <c>HeaderFrom$Key</c>'s headers are computed from the key chain's input as the value chain's
/// are (the runner asks the key converter for them, before the value's).
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
        _key = primitive is { } own ? CompiledStages.Of(own) : ownKey;
        _ownKeyUnknown = unknown;
    }

    /// <summary>Whether a key-side stage was compiled (the key chain is emitted).</summary>
    public bool Started { get; private set; }

    /// <summary>Whether a field of the key reads the record's Kafka metadata (an InsertField's partition, offset or timestamp).</summary>
    public bool ReadsMetadata => _readsMetadata || _key?.ReadsMetadata == true;

    private bool _readsMetadata;

    /// <summary>Whether the key is computed from the task's value (a ValueToKey) rather than its own key.</summary>
    public bool ReadsValue { get; private set; }

    /// <summary>The key's fields, or null while the key is one primitive.</summary>
    public CompiledStages? Record => Extracted is null ? _key : null;

    /// <summary>The primitive the key is (the task's string key, or the field ExtractField$Key made it), or null.</summary>
    public CompiledSlot? Extracted => _key?.Primitive;

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
        if (kind == "ValueToKey" && Headers.Count > 0)
        {
            // The key chain computed from the value cannot read the task's own key any more.
            return (
                "type",
                "it makes the key afresh from the value after a compiled HeaderFrom$Key copied headers from the key before it, which the key chain, then computed from the value, cannot read; put the HeaderFrom$Key after it"
            );
        }
        if (kind == "ValueToKey")
        {
            // The fold has checked that each field is one of the value's.
            var slots = step.List("fields")
                .Select(name => value.Slots.First(s => s.Name == name))
                .ToList();
            _key = new CompiledStages(slots, UnnamedStruct);
            ReadsValue = true;
            // The value's fields so far may read the record's metadata.
            _readsMetadata = value.ReadsMetadata;
            return null;
        }
        if (_key is null)
        {
            return ("type", _ownKeyUnknown ?? "the task's key is not known at build time");
        }
        return _key.Apply(kind, step, plugin) ? null : _key.Problem;
    }

    /// <summary>The headers the compiled HeaderFrom$Key stages add, in order, over the key chain's input.</summary>
    public IReadOnlyList<CompiledHeader> Headers =>
        (IReadOnlyList<CompiledHeader>?)_key?.Headers ?? System.Array.Empty<CompiledHeader>();

    /// <summary>The output key's fields (one, unnamed, when the key is a primitive).</summary>
    public IReadOnlyList<CompiledSlot> Slots => Extracted is { } one ? new[] { one } : _key!.Slots;
}
