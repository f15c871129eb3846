using System;
using System.Collections.Generic;
using KConnector.Generator.Models;

namespace KConnector.Generator.Transforms;

/// <summary>The key or the value while the chain is folded: its schema and how messages name it.</summary>
internal sealed class FoldSide
{
    private readonly string _side;
    private readonly List<DiagnosticInfo> _diagnostics;

    public FoldSide(string side, TransformSchema schema, List<DiagnosticInfo> diagnostics)
    {
        _side = side;
        _diagnostics = diagnostics;
        Schema = schema;
        Description = "the " + side + (schema.Name is null ? string.Empty : " " + schema.Name);
    }

    public TransformSchema Schema { get; private set; }

    public string Description { get; private set; }

    /// <summary>After a transformation the build does not know: nothing more is checked on this side.</summary>
    public void Forget() => Schema = TransformSchema.Unknown;

    /// <summary>
    /// Applies <paramref name="stage"/> to <paramref name="input"/>'s schema and makes the result
    /// this side's; a changed schema under a predicate makes it unknown (records may leave
    /// the stage either way).
    /// </summary>
    public void Apply(TransformStep step, Func<StageInput, TransformSchema> stage, FoldSide input)
    {
        var output = stage(new StageInput(step, input.Schema, input.Description, _diagnostics));
        if (output == Schema)
        {
            return;
        }
        Schema = step.Conditional ? TransformSchema.Unknown : output;
        Description = "the " + _side + " after \"" + step.Alias + "\"";
    }
}
