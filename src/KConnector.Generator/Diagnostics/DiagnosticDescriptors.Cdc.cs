using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>KCN0290-KCN0298: change data capture specs' declared table schemas (table.value.schemas).</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor CdcTableSchemaEntryInvalid = Error(
        "KCN0290",
        "Not an entry of table.value.schemas",
        Where
            + "\"{3}\" is not an entry of table.value.schemas: each is <schema>.<table>:<path of the row's .avsc, relative to the spec>, entries separated by ','{4}"
    );

    public static readonly DiagnosticDescriptor CdcTableSchemaUnreadable = Error(
        "KCN0291",
        "Declared table schema cannot be read",
        Where + "the value schema {3} declared for table {4} {5}"
    );

    public static readonly DiagnosticDescriptor CdcTableSchemaNotRecord = Error(
        "KCN0292",
        "Declared table schema is not a record",
        Where
            + "the value schema {3} declared for table {4} is {5}, not an Avro record: a table's rows (before and after) are records with a field per column"
    );

    public static readonly DiagnosticDescriptor CdcTableNotCaptured = Error(
        "KCN0293",
        "Declared table is not captured",
        Where
            + "table {3} has a declared value schema but is not captured: {4}; declare only captured tables, or change the list"
    );

    public static readonly DiagnosticDescriptor CdcKeyColumnNotDeclared = Error(
        "KCN0294",
        "Key column missing from the declared schema",
        Where
            + "column \"{3}\" of table {4}'s key (message.key.columns) is not a field of {5}, the table's declared value schema; add the field"
    );

    public static readonly DiagnosticDescriptor CdcTableSchemasNeedAvro = Error(
        "KCN0295",
        "Declared table schemas need the AvroConverter",
        Where
            + "table.value.schemas needs value.converter io.confluent.connect.avro.AvroConverter, which writes the rows with the declared records; it is {3}"
    );
}
