using System.Collections.Generic;
using System.Linq;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The key side of a source spec's compiled chain: <c>ValueToKey</c> makes the key a struct of
/// the value's fields as the stages before it left them (each slot's expression is over the task's
/// value, so the key is computed from the record the task produced), then the <c>$Key</c> stages
/// rewrite it as <see cref="CompiledStages"/> rewrites the value, and <c>ExtractField$Key</c> may
/// end it with one of its fields. The key is computed in the key converter, which the runner hands
/// the whole record (Connect's order on a source: every transformation, then the converters).
/// </summary>
internal sealed class KeyChainCompiler
{
    /// <summary>The Avro name Confluent's AvroData gives a struct without a name, as ValueToKey's is.</summary>
    public const string UnnamedStruct = "io.confluent.connect.avro.ConnectDefault";

    private CompiledStages? _key;

    /// <summary>Whether a ValueToKey has started the compiled key.</summary>
    public bool Started => _key is not null;

    /// <summary>The key's fields, or null once ExtractField made it one of them.</summary>
    public CompiledStages? Record => Extracted is null ? _key : null;

    /// <summary>The field ExtractField$Key made the key, or null.</summary>
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
        if (kind == "ValueToKey")
        {
            // The fold has checked that each field is one of the value's.
            var slots = step.List("fields")
                .Select(name => value.Slots.First(s => s.Name == name))
                .ToList();
            _key = new CompiledStages(slots, UnnamedStruct);
            Extracted = null;
            return null;
        }
        if (_key is null)
        {
            return (
                "type",
                "on a source the build compiles a key that ValueToKey makes from the value (the task's own key is not compiled in this version); put ValueToKey first"
            );
        }
        if (Extracted is { } field)
        {
            return (
                "type",
                "the key is the field \""
                    + field.Name
                    + "\" after ExtractField, and a transformation of a primitive key is not compiled yet"
            );
        }
        return kind == "ExtractField" ? Extract(step) : Rewrite(kind, step, plugin);
    }

    private (string Key, string Reason)? Rewrite(string kind, TransformStep step, string plugin) =>
        _key!.Apply(kind, step, plugin) ? null : _key.Problem;

    private (string Key, string Reason)? Extract(TransformStep step)
    {
        var name = step.Setting("field")?.Text.Trim() ?? string.Empty;
        // The fold has checked the field (a V2 path through nested structs needs a nested key, which ValueToKey of primitive fields never makes).
        var slot = _key!.Slots.FirstOrDefault(s => s.Name == name);
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
