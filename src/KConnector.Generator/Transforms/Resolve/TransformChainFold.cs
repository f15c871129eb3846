using System;
using System.Collections.Generic;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Transforms;

/// <summary>
/// Folds a spec's transformation chain over its key and value schemas at build time: each
/// built-in field-level transformation is checked against the schema the stages before it left
/// (a field it names exists, a Cast or TimestampConverter the field's type can take, a record
/// where one is needed) and its output schema derived, as Kafka Connect derives it when a record
/// flows. Routers, header transformations and Filter leave both schemas as they are; after a
/// user transformation, or a schema-changing one under a predicate (records may leave it either
/// way), the side is not known and no longer checked.
/// </summary>
internal static class TransformChainFold
{
    private const string BuiltIn = "KConnector.Transforms.";

    private static readonly Dictionary<string, Func<StageInput, TransformSchema>> Stages = new()
    {
        ["InsertField"] = InsertFieldStage.Apply,
        ["ReplaceField"] = ReplaceFieldStage.Apply,
        ["MaskField"] = MaskFieldStage.Apply,
        ["HoistField"] = HoistFieldStage.Apply,
        ["ExtractField"] = ExtractFieldStage.Apply,
        ["Flatten"] = FlattenStage.Apply,
        ["Cast"] = CastStage.Apply,
        ["TimestampConverter"] = TimestampConverterStage.Apply,
        ["SetSchemaMetadata"] = SetSchemaMetadataStage.Apply,
        ["HeaderFrom"] = HeaderFromStage.Apply,
    };

    private static readonly HashSet<string> Unchanging = new()
    {
        "TimestampRouter",
        "RegexRouter",
        "InsertHeader",
        "DropHeaders",
        "Filter",
    };

    /// <summary>
    /// The key and value schemas the chain outputs (Unknown where not known), after reporting each
    /// stage that cannot apply; <paramref name="isSource"/> for a source connector's chain (its
    /// records have no Kafka offset yet).
    /// </summary>
    public static (TransformSchema Key, TransformSchema Value) Fold(
        EquatableArray<TransformStep> steps,
        TransformSchema key,
        TransformSchema value,
        bool isSource,
        List<DiagnosticInfo> diagnostics
    )
    {
        var sides = new[]
        {
            new FoldSide("key", key, diagnostics),
            new FoldSide("value", value, diagnostics),
        };
        foreach (var step in steps)
        {
            var name = step.ClassName.StartsWith(BuiltIn, StringComparison.Ordinal)
                ? step.ClassName.Substring(BuiltIn.Length)
                : null;
            if (name is null)
            {
                // A user transformation: what it makes of either side is not known here.
                sides[0].Forget();
                sides[1].Forget();
                continue;
            }
            if (name == "ValueToKey")
            {
                sides[0].Apply(step, ValueToKeyStage.Apply, sides[1]);
                continue;
            }
            if (Unchanging.Contains(name))
            {
                continue;
            }
            var isKey = name.EndsWith("Key", StringComparison.Ordinal);
            var kind = name.Substring(0, name.Length - (isKey ? 3 : 5));
            if (isSource && kind == "InsertField")
            {
                InsertFieldStage.ReportOffsetOnSource(step, diagnostics);
            }
            if (Stages.TryGetValue(kind, out var stage))
            {
                var side = sides[isKey ? 0 : 1];
                side.Apply(step, stage, side);
            }
        }
        return (sides[0].Schema, sides[1].Schema);
    }
}
