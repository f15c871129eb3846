using System.Globalization;
using System.Text.Json;
using KConnector.Avro;
using KConnector.Connectors.PostgreSql.Avro;
using KConnector.Connectors.PostgreSql.Events;
using KConnector.Converters;
using KConnector.Errors;

namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>
/// How a table's present shape (its last relation message) is written with its declared row
/// record: each declared field from its column or its default. Made by <see cref="Check"/>, which
/// refuses a shape the record cannot hold, so the task fails before the change leaves it and the
/// slot is not confirmed past it: after the schema is fixed, a restart reads the change again.
/// </summary>
internal sealed class DeclaredRowPlan
{
    private readonly IReadOnlyList<PlannedField> _fields;

    private DeclaredRowPlan(
        DeclaredTableSchema declared,
        string recordFullName,
        IReadOnlyList<PlannedField> fields
    )
    {
        Declared = declared;
        RecordFullName = recordFullName;
        _fields = fields;
    }

    /// <summary>The declared record's full name (the envelope defines it in before, names it in after).</summary>
    public string RecordFullName { get; }

    /// <summary>The declaration: its file and the record's schema JSON.</summary>
    public DeclaredTableSchema Declared { get; }

    /// <summary>The plan of <paramref name="table"/>'s columns into <paramref name="declared"/>'s record.</summary>
    /// <exception cref="ConnectException">A column has no field that can hold it, or a field has neither a column nor a default.</exception>
    public static DeclaredRowPlan Check(CapturedTable table, DeclaredTableSchema declared)
    {
        var fields = DeclaredField.Read(declared.RowSchemaJson, out var fullName);
        foreach (var column in table.Columns)
        {
            var field = fields.FirstOrDefault(f => f.Name == column.Name);
            var problem =
                field is null ? $"it has no field '{column.Name}'"
                : column.Optional && field.NullIndex < 0
                    ? $"the column is nullable but field '{field.Name}' ({field.Describe()}) cannot hold null"
                : DeclaredFieldTypes.Problem(column.Mapping, field, out _);
            if (problem is not null)
            {
                throw Refused(
                    table,
                    declared,
                    $"column '{column.Name}' ({DeclaredFieldTypes.Describe(column.Mapping)})",
                    problem
                );
            }
        }
        var planned = new List<PlannedField>(fields.Count);
        foreach (var field in fields)
        {
            var index = IndexOf(table, field.Name);
            if (index < 0)
            {
                if (DeclaredDefaults.Problem(field) is { } problem)
                {
                    throw Refused(table, declared, $"field '{field.Name}'", problem);
                }
                planned.Add(new PlannedField(field, -1, FieldWrite.Default));
                continue;
            }
            _ = DeclaredFieldTypes.Problem(table.Columns[index].Mapping, field, out var write);
            planned.Add(new PlannedField(field, index, write));
        }
        return new DeclaredRowPlan(declared, fullName, planned);
    }

    private static int IndexOf(CapturedTable table, string name)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Name == name)
            {
                return i;
            }
        }
        return -1;
    }

    private static ConnectException Refused(
        CapturedTable table,
        DeclaredTableSchema declared,
        string what,
        string problem
    ) =>
        new(
            $"Table {table.Schema}.{table.Name}: {what} cannot be held by the declared value schema {declared.SchemaFile}: {problem}. The change was not sent and the replication slot was not advanced past it; change {declared.SchemaFile} (or the table), rebuild and restart, and the change is read again."
        );

    /// <summary>Writes a row image (its union index written by the caller).</summary>
    /// <exception cref="DataException">A NOT NULL field gets no value (an unchanged TOASTed value, or a delete's before-image under the default replica identity).</exception>
    public void WriteRow(ref AvroWriter w, CapturedTable table, ColumnValue[] row)
    {
        foreach (var planned in _fields)
        {
            var field = planned.Field;
            if (planned.Column < 0)
            {
                DeclaredDefaults.Write(ref w, field);
                continue;
            }
            var column = table.Columns[planned.Column];
            var text = EnvelopeAvroEncoder.TextOf(
                column,
                planned.Column < row.Length ? row[planned.Column] : ColumnValue.Null
            );
            if (field.NullIndex >= 0)
            {
                w.WriteUnionIndex(text is null ? field.NullIndex : 1 - field.NullIndex);
            }
            else if (text is null)
            {
                throw new DataException(
                    $"Column '{column.Name}' of table {table.Schema}.{table.Name} has no value in this change (an unchanged TOASTed value, or a before-image under the default replica identity), and field '{field.Name}' of {Declared.SchemaFile} cannot hold null: make it nullable or set REPLICA IDENTITY FULL."
                );
            }
            if (text is not null)
            {
                WriteValue(ref w, planned.Write, column.Mapping, text);
            }
        }
    }

    private static void WriteValue(
        ref AvroWriter w,
        FieldWrite write,
        ColumnMapping mapping,
        string text
    )
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (write)
        {
            case FieldWrite.IntAsLong:
                w.WriteLong(long.Parse(text, NumberStyles.AllowLeadingSign, invariant));
                return;
            case FieldWrite.FloatAsDouble:
                w.WriteDouble(double.Parse(text, NumberStyles.Float, invariant));
                return;
            default:
                EnvelopeAvroEncoder.WriteValue(ref w, mapping, text);
                return;
        }
    }

    private sealed record PlannedField(DeclaredField Field, int Column, FieldWrite Write);
}

/// <summary>How a column's value is written into its declared field.</summary>
internal enum FieldWrite
{
    /// <summary>As the derived schema writes it (same Avro type).</summary>
    Mapped,

    /// <summary>An int16/int32 column into a long field (Avro's promotion).</summary>
    IntAsLong,

    /// <summary>A real column into a double field.</summary>
    FloatAsDouble,

    /// <summary>No column: the field's default.</summary>
    Default,
}
