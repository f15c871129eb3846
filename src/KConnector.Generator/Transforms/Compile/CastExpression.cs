namespace KConnector.Generator.Transforms;

/// <summary>
/// The C# expression of Kafka Connect's <c>Cast</c> of one primitive field (<c>castValueToType</c>),
/// over the runtime's <c>CompiledCast</c> helpers so that the compiled and the schemaless paths
/// convert alike. A string that does not parse fails the record at stage TRANSFORMATION, naming
/// <paramref name="plugin"/>.
/// </summary>
internal static class CastExpression
{
    private const string C = "global::KConnector.Transforms.Compiled.CompiledCast";

    /// <summary>The cast of the non-null <paramref name="x"/> of type <paramref name="from"/> to <paramref name="target"/> (Connect's name).</summary>
    public static string Of(string x, ConnectSchemaType from, string target, string plugin)
    {
        var s = from == ConnectSchemaType.String;
        var real = from is ConnectSchemaType.Float32 or ConnectSchemaType.Float64;
        var flag = from == ConnectSchemaType.Boolean;
        var failing = "(" + x + ", \"" + target + "\", typeof(" + plugin + "))";
        // A real narrows to int8/int16/int32 through Java's intValue() (saturating at the int's
        // range), to int64 through longValue().
        var narrow = real && target is "int8" or "int16" or "int32";
        var whole =
            s ? C + ".Whole" + failing
            : narrow ? C + ".WholeInt(" + x + ")"
            : real || flag ? C + ".Whole(" + x + ")"
            : "(long)" + x;
        return target switch
        {
            "string" => s ? x
            : from == ConnectSchemaType.Bytes ? "global::System.Convert.ToBase64String(" + x + ")"
            : C + ".Text(" + x + ")",
            "int8" => C + ".Int8(" + whole + ")",
            "int16" => C + ".Int16(" + whole + ")",
            "int32" => from == ConnectSchemaType.Int32 ? x : C + ".Int32(" + whole + ")",
            "int64" => whole,
            "float32" => s ? "(float)" + C + ".Real" + failing
            : flag ? "(" + x + " ? 1f : 0f)"
            : "(float)" + x,
            "float64" => s ? C + ".Real" + failing
            : flag ? "(" + x + " ? 1d : 0d)"
            : "(double)" + x,
            _ => s ? C + ".Boolean(" + x + ")"
            : flag ? x
            : "(" + x + " != 0)",
        };
    }

    /// <summary>
    /// The cast of the non-null Decimal <paramref name="x"/> (a C# decimal) to <paramref name="target"/>:
    /// Cast.java leaves a BigDecimal as it is (<c>encodeLogicalType</c> knows the date types only),
    /// so a number is its <c>longValue()</c> (truncated, low 64 bits) narrowed, <c>floatValue()</c>
    /// or <c>doubleValue()</c>, true when <c>longValue()</c> is not 0, and a string its <c>toString()</c>.
    /// </summary>
    public static string OfDecimal(string x, string target)
    {
        var whole = C + ".Whole(" + x + ")";
        return target switch
        {
            "string" => C + ".Text(" + x + ")",
            "int8" => C + ".Int8(" + whole + ")",
            "int16" => C + ".Int16(" + whole + ")",
            "int32" => C + ".Int32(" + whole + ")",
            "int64" => whole,
            "float32" => "(float)" + x,
            "float64" => "(double)" + x,
            _ => "(" + whole + " != 0)",
        };
    }

    /// <summary>Connect's type for a Cast target name.</summary>
    public static ConnectSchemaType TypeOf(string target) =>
        target switch
        {
            "int8" => ConnectSchemaType.Int8,
            "int16" => ConnectSchemaType.Int16,
            "int32" => ConnectSchemaType.Int32,
            "int64" => ConnectSchemaType.Int64,
            "float32" => ConnectSchemaType.Float32,
            "float64" => ConnectSchemaType.Float64,
            "boolean" => ConnectSchemaType.Boolean,
            _ => ConnectSchemaType.String,
        };
}
