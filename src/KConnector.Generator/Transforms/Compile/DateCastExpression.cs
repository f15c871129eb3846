namespace KConnector.Generator.Transforms;

/// <summary>
/// The C# expression of Kafka Connect's <c>Cast</c> of a Timestamp, Date or Time field: to string
/// the instant's text as Connect's <c>Values.dateFormatFor</c> writes it (the runtime's
/// <c>CompiledDateCast</c>); to a number or boolean the cast of the logical type's encoding, as
/// Connect's <c>encodeLogicalType</c> does first (Timestamp: epoch milliseconds as int64; Date:
/// epoch days and Time: milliseconds of the day, as int32).
/// </summary>
internal static class DateCastExpression
{
    private const string Time = "global::KConnector.Avro.AvroTime";

    /// <summary>The cast of the non-null <paramref name="x"/> of Connect's logical type <paramref name="logical"/> to <paramref name="target"/>.</summary>
    public static string Of(string x, string logical, string target, string plugin)
    {
        if (target == "string")
        {
            return "global::KConnector.Transforms.Compiled.CompiledDateCast.Text(" + x + ")";
        }
        var (encoded, type) = logical switch
        {
            TransformSchema.Date => (Time + ".ToDays(" + x + ")", ConnectSchemaType.Int32),
            TransformSchema.Time => (Time + ".ToMillisOfDay(" + x + ")", ConnectSchemaType.Int32),
            _ => (Time + ".ToUnixMillis(" + x + ")", ConnectSchemaType.Int64),
        };
        return CastExpression.Of(encoded, type, target, plugin);
    }
}
