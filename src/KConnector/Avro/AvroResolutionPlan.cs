using KConnector.Avro.Resolution;

namespace KConnector.Avro;

/// <summary>
/// How to read one value written with a writer's schema into a reader's type (Avro specification,
/// "Schema Resolution"), built once per writer schema by <see cref="AvroResolvingReader{T}"/> and
/// consumed by generated <c>DecodeResolved</c> methods through <see cref="AvroResolve"/>.
/// Plans of recursive schemas form a graph, as the schemas do.
/// </summary>
public sealed class AvroResolutionPlan
{
    internal AvroResolutionPlan(AvroSchemaNode writer, AvroSchemaNode reader)
    {
        Writer = writer;
        Reader = reader;
    }

    internal AvroSchemaNode Writer { get; }

    internal AvroSchemaNode Reader { get; }

    /// <summary>When the writer's schema is a union: the plan of each writer branch, null where the reader cannot read it.</summary>
    internal AvroResolutionPlan?[]? WriterBranches { get; set; }

    /// <summary>When the reader's schema is a union and the writer's is not: the reader branch chosen.</summary>
    internal int ReaderBranch { get; set; } = -1;

    /// <summary>The plan of the chosen reader branch.</summary>
    internal AvroResolutionPlan? Inner { get; set; }

    /// <summary>An enum's reader symbol index per writer symbol index, -1 where there is none and no default.</summary>
    internal int[]? EnumMap { get; set; }

    /// <summary>The plan of array items or map values.</summary>
    public AvroResolutionPlan? Items { get; internal set; }

    /// <summary>For records: one step per field of the writer, in the writer's (encoding) order.</summary>
    public IReadOnlyList<AvroFieldPlan> Fields { get; internal set; } = [];
}

/// <summary>One writer field of a record plan: the reader field it fills, or -1 to skip it.</summary>
public sealed class AvroFieldPlan
{
    internal AvroFieldPlan(int readerIndex, AvroResolutionPlan? plan, AvroSchemaField writer)
    {
        ReaderIndex = readerIndex;
        Plan = plan;
        Writer = writer;
    }

    /// <summary>The index of the reader's field (schema order), or -1 when the reader does not have it.</summary>
    public int ReaderIndex { get; }

    /// <summary>How to read the value into the reader's field; null when skipped.</summary>
    public AvroResolutionPlan? Plan { get; }

    internal AvroSchemaField Writer { get; }
}
