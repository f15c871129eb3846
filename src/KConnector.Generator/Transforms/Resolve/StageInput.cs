using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Transforms;

/// <summary>
/// What one transformation of the chain works on (the key or the value schema as the stages
/// before left it) and the checks every stage shares: the schema is a record, a named field
/// exists. Each check reports at the spec line of the key that names the field.
/// </summary>
internal sealed class StageInput
{
    private readonly List<DiagnosticInfo> _diagnostics;

    public StageInput(
        TransformStep step,
        TransformSchema schema,
        string description,
        List<DiagnosticInfo> diagnostics
    )
    {
        Step = step;
        Schema = schema;
        Description = description;
        _diagnostics = diagnostics;
    }

    public TransformStep Step { get; }

    public TransformSchema Schema { get; }

    /// <summary>"the value Shop.Orders.Order", "the key after \"hoist\"": the schema in messages.</summary>
    public string Description { get; }

    /// <summary>Where the key stands in the spec, or the alias's type when the key is not written.</summary>
    public SpecLocation WhereOf(string key) =>
        Step.Setting(key) is { Text.Length: > 0 } setting && setting.Where != Step.TypeWhere
            ? setting.Where
            : Step.TypeWhere;

    public void Report(
        DiagnosticDescriptor descriptor,
        SpecLocation where,
        params string[] details
    ) => _diagnostics.Add(DiagnosticBag.Create(descriptor, where, details));

    /// <summary>
    /// The schema when it is a record; null when it is not known (nothing to check) or not a
    /// record (reported, with Kafka Connect's <paramref name="purpose"/> of the failing call).
    /// </summary>
    public TransformSchema? Struct(string purpose)
    {
        if (!Schema.IsKnown)
        {
            return null;
        }
        if (Schema.IsStruct)
        {
            return Schema;
        }
        Report(
            DiagnosticDescriptors.TransformNeedsStruct,
            Step.TypeWhere,
            Step.TypeName,
            Description,
            Schema.Describe(),
            purpose
        );
        return null;
    }

    /// <summary>
    /// The field <paramref name="name"/> of <paramref name="record"/>; null (reported at
    /// <paramref name="key"/>, with did-you-mean) when it has none. <paramref name="within"/> names
    /// a nested record in the message.
    /// </summary>
    public TransformField? Field(
        TransformSchema record,
        string name,
        string key,
        string? within = null
    )
    {
        if (record.Field(name) is { } field)
        {
            return field;
        }
        Report(
            DiagnosticDescriptors.TransformFieldNotInSchema,
            WhereOf(key),
            Step.TypeName,
            name,
            within ?? Description,
            record.FieldNames,
            EditDistance.Suggestion(name, record.Fields.Select(f => f.Name))
        );
        return null;
    }
}
