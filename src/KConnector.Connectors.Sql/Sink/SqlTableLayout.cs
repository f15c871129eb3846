using KConnector.Configuration;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Dialects;

namespace KConnector.Connectors.Sql.Sink;

/// <summary>
/// The columns a sink writes and where each value comes from, derived once from pk.mode,
/// pk.fields and fields.whitelist and the key and value shapes, following the JDBC sink's
/// <c>FieldsMetadata.extract</c>: key columns first, then the value fields that are not keys.
/// </summary>
internal sealed class SqlTableLayout
{
    private SqlTableLayout(
        IReadOnlyList<SqlColumn> columns,
        IReadOnlyList<(ColumnSource Source, int Index)> sources
    )
    {
        Columns = columns;
        Sources = sources;
    }

    public IReadOnlyList<SqlColumn> Columns { get; }

    public IReadOnlyList<(ColumnSource Source, int Index)> Sources { get; }

    public static SqlTableLayout Create(
        SqlSinkOptions options,
        RecordShape? keyShape,
        RecordShape valueShape,
        bool keyIsPrimitive
    )
    {
        var columns = new List<SqlColumn>();
        var sources = new List<(ColumnSource, int)>();
        var keyNames = new HashSet<string>(StringComparer.Ordinal);
        switch (options.PrimaryKeyMode)
        {
            case PrimaryKeyMode.Kafka:
                var names =
                    options.PrimaryKeyFields.Count == 3
                        ? options.PrimaryKeyFields
                        : ["__connect_topic", "__connect_partition", "__connect_offset"];
                columns.Add(new SqlColumn(names[0], FieldType.String, false, true));
                sources.Add((ColumnSource.Topic, 0));
                columns.Add(new SqlColumn(names[1], FieldType.Int, false, true));
                sources.Add((ColumnSource.Partition, 0));
                columns.Add(new SqlColumn(names[2], FieldType.Long, false, true));
                sources.Add((ColumnSource.Offset, 0));
                keyNames.UnionWith(names);
                break;
            case PrimaryKeyMode.RecordKey:
                if (keyShape is null)
                {
                    throw Invalid(
                        "pk.mode",
                        "record_key needs a key accessor for the key type (pass one to the task)"
                    );
                }
                if (keyIsPrimitive)
                {
                    if (options.PrimaryKeyFields.Count > 1)
                    {
                        throw Invalid(
                            "pk.fields",
                            "a primitive key maps to exactly one column; give one name or none"
                        );
                    }
                    var name =
                        options.PrimaryKeyFields.Count == 1
                            ? options.PrimaryKeyFields[0]
                            : "__connect_key";
                    columns.Add(SqlColumn.Of(name, keyShape.Fields[0], false, true));
                    sources.Add((ColumnSource.Key, 0));
                    keyNames.Add(name);
                }
                else
                {
                    foreach (
                        var name in options.PrimaryKeyFields.Count > 0
                            ? options.PrimaryKeyFields
                            : keyShape.Fields.Select(f => f.Name).ToArray()
                    )
                    {
                        var index = keyShape.IndexOf(name);
                        if (index < 0)
                        {
                            throw Invalid(
                                "pk.fields",
                                $"'{name}' is not a field of the key {keyShape.Name} (fields: {string.Join(", ", keyShape.Fields.Select(f => f.Name))})"
                            );
                        }
                        columns.Add(SqlColumn.Of(name, keyShape.Fields[index], false, true));
                        sources.Add((ColumnSource.Key, index));
                        keyNames.Add(name);
                    }
                }
                break;
            case PrimaryKeyMode.RecordValue:
                foreach (
                    var name in options.PrimaryKeyFields.Count > 0
                        ? options.PrimaryKeyFields
                        : valueShape.Fields.Select(f => f.Name).ToArray()
                )
                {
                    var index = valueShape.IndexOf(name);
                    if (index < 0)
                    {
                        throw Invalid(
                            "pk.fields",
                            $"'{name}' is not a field of the value {valueShape.Name} (fields: {string.Join(", ", valueShape.Fields.Select(f => f.Name))})"
                        );
                    }
                    columns.Add(SqlColumn.Of(name, valueShape.Fields[index], false, true));
                    sources.Add((ColumnSource.Value, index));
                    keyNames.Add(name);
                }
                break;
            default:
                break;
        }
        foreach (var name in options.FieldsWhitelist)
        {
            if (valueShape.IndexOf(name) < 0)
            {
                throw Invalid(
                    "fields.whitelist",
                    $"'{name}' is not a field of the value {valueShape.Name}"
                );
            }
        }
        for (var i = 0; i < valueShape.Fields.Count; i++)
        {
            var field = valueShape.Fields[i];
            if (keyNames.Contains(field.Name))
            {
                continue;
            }
            if (options.FieldsWhitelist.Count > 0 && !options.FieldsWhitelist.Contains(field.Name))
            {
                continue;
            }
            columns.Add(SqlColumn.Of(field.Name, field, field.IsNullable, false));
            sources.Add((ColumnSource.Value, i));
        }
        return new SqlTableLayout(columns, sources);
    }

    /// <summary>A rule of the sink's keys that only the key and value shapes can check.</summary>
    private static ConfigValidationException Invalid(string key, string message) =>
        new(SqlSinkOptions.Definition.ConnectorClass, [new ConfigIssue(key, message)]);
}
