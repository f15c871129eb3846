namespace KConnector.Connectors.Sql.Sink;

/// <summary>Where a column's value comes from in a sink record.</summary>
internal enum ColumnSource
{
    Key,
    Value,
    Topic,
    Partition,
    Offset,
}
