using System.Collections.Generic;
using System.Linq;

namespace KConnector.Generator.Transforms;

/// <summary>
/// One field of the record while the chain is compiled: its name and Connect type as the stages
/// so far left them, and the C# expression (over <c>value</c> and <c>topic</c>) giving it, of the
/// C# type <see cref="CSharpType"/> (with '?' when optional). A struct field carries its own
/// fields (<see cref="Fields"/>, each over the same <c>value</c>) and its record name; its
/// expression is the nested input record (for the null check), or empty when a stage built it
/// (HoistField). An array or a map carries its <see cref="Items"/> and is passed as is when they
/// are primitive; of records, each item is built anew (<see cref="ItemFields"/>, each over the
/// lambda parameter <see cref="ItemParameter"/>), as the output's item record is a type of its own,
/// or none when MaskField <see cref="Emptied"/> it.
/// </summary>
/// <param name="Logical">The Connect schema name of a field that is no struct: a logical type (Timestamp, Date, Time, Decimal) or a fixed's name; null for a plain type.</param>
/// <param name="Parameters">Connect's schema parameters (an enum's symbols, a Decimal's scale), written back as AvroData writes them; a stage that changes the type drops them.</param>
/// <param name="SchemaName">The name SetSchemaMetadata gave a primitive (AvroData writes it as <c>connect.name</c>); a whole-value Cast keeps it, as Connect's copies the schema's basics.</param>
/// <param name="SchemaVersion">The version SetSchemaMetadata gave a primitive (<c>connect.version</c>).</param>
/// <param name="Default">The field's default as AvroData writes it back (JSON text), or null; see <see cref="TransformSchema.Default"/>.</param>
/// <param name="DefaultInType">Whether AvroData also writes the default into the type as <c>connect.default</c>: a default a stage made (Cast), which lacks the parameter AvroData marks an Avro field's default with.</param>
internal sealed record CompiledSlot(
    string Name,
    ConnectSchemaType Type,
    bool Optional,
    string Expression,
    string? Logical = null,
    string? RecordName = null,
    IReadOnlyList<CompiledSlot>? Fields = null,
    TransformSchema? Items = null,
    Helpers.EquatableArray<ConnectParameter> Parameters = default,
    IReadOnlyList<CompiledSlot>? ItemFields = null,
    string? ItemParameter = null,
    bool Emptied = false,
    string? SchemaName = null,
    int? SchemaVersion = null,
    string? Default = null,
    bool DefaultInType = false
)
{
    /// <summary>A C# identifier for a local of the generated code unique to <paramref name="expression"/>, the place it reads.</summary>
    public static string Local(string expression) =>
        "__" + new string(expression.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>Whether it is AvroData's Union struct (a wider Avro union), written back as the union.</summary>
    public bool IsUnion => RecordName == AvroUnionSchema.Name;

    /// <summary>Whether it holds one of Connect's logical date types (Timestamp, Date, Time).</summary>
    public bool IsDate =>
        Logical is TransformSchema.Timestamp or TransformSchema.Date or TransformSchema.Time;

    /// <summary>The C# type the Avro record generated for this field has (int8/int16 are Avro ints).</summary>
    public string CSharpType => Clr + (Optional ? "?" : string.Empty);

    /// <summary>
    /// Whether it is a Decimal wider than C#'s decimal (precision over 28), an <c>AvroDecimal</c> in
    /// the input and output records alike: carried as it is, no stage computes on it.
    /// </summary>
    public bool IsWideDecimal =>
        Logical == TransformSchema.Decimal
        && AvroDataParameters.PrecisionOf(Parameters) > Emit.AvroCSharpTypes.MaxClrDecimalPrecision;

    private string Clr =>
        IsWideDecimal ? Emit.AvroCSharpTypes.Runtime + ".AvroDecimal" : Of(Type, Logical);

    /// <summary>
    /// The C# type of a chain whose output is this primitive: a value type's Nullable always (a
    /// record without a value has no key or value to transform, and the converters pass null on),
    /// a string or bytes nullable when optional.
    /// </summary>
    public string OutputType =>
        Clr
        + (
            Optional || Type is not (ConnectSchemaType.String or ConnectSchemaType.Bytes) ? "?" : ""
        );

    public static string Of(ConnectSchemaType type) => Of(type, null);

    public static string Of(ConnectSchemaType type, string? logical) =>
        logical switch
        {
            TransformSchema.Timestamp => "global::System.DateTimeOffset",
            TransformSchema.Date => "global::System.DateOnly",
            TransformSchema.Time => "global::System.TimeOnly",
            // A Decimal of precision over 28 is an AvroDecimal (IsWideDecimal): C# decimal holds the rest.
            TransformSchema.Decimal => "decimal",
            _ => type switch
            {
                ConnectSchemaType.Int8 or ConnectSchemaType.Int16 or ConnectSchemaType.Int32 =>
                    "int",
                ConnectSchemaType.Int64 => "long",
                ConnectSchemaType.Float32 => "float",
                ConnectSchemaType.Float64 => "double",
                ConnectSchemaType.Boolean => "bool",
                ConnectSchemaType.Bytes => "byte[]",
                _ => "string",
            },
        };

    /// <summary>
    /// Whether the compiled chain carries a field of this schema: primitives, enums, fixed, Connect's
    /// Timestamp, Date, Time and Decimal, structs of such fields, arrays and maps of them (of
    /// Decimals C#'s decimal holds) and of records.
    /// </summary>
    public static bool Carries(TransformSchema schema) =>
        schema.Type switch
        {
            ConnectSchemaType.Struct => schema.Fields.Count > 0
                && schema.Fields.All(f => Carries(f.Schema)),
            // Items are passed as they are: a logical type held as another C# type (Underlying) is not carried there.
            ConnectSchemaType.Array or ConnectSchemaType.Map => schema.Items is { } items
                && (
                    ((PassedAsIs(items) || items.Enum) && !items.Optional)
                    // Items that are records (null or not) are built anew, each field carried as a struct's.
                    || (items.IsStruct && items.Name != AvroUnionSchema.Name && Carries(items))
                ),
            _ => Primitive(schema)
                || schema.Enum
                || AvroDataParameters.FixedSizeOf(schema.Parameters) is not null
                || schema.IsDateLogical
                || schema.IsDecimal,
        };

    // Items whose C# type the input and the output records share: primitives, fixed, Timestamp,
    // Date, Time and Decimals C#'s decimal holds; not an enum (the output's is a string) nor a type
    // held as another C# type (Underlying).
    private static bool PassedAsIs(TransformSchema items) =>
        items.Underlying is null
        && !items.Enum
        && (
            Primitive(items)
            || AvroDataParameters.FixedSizeOf(items.Parameters) is not null
            || items.IsDateLogical
            || (
                items.IsDecimal
                && AvroDataParameters.PrecisionOf(items.Parameters)
                    <= Emit.AvroCSharpTypes.MaxClrDecimalPrecision
            )
        );

    private static bool Primitive(TransformSchema schema) =>
        schema.Name is null
        && !schema.Enum
        && schema.Type
            is ConnectSchemaType.Int32
                or ConnectSchemaType.Int64
                or ConnectSchemaType.Float32
                or ConnectSchemaType.Float64
                or ConnectSchemaType.Boolean
                or ConnectSchemaType.String
                or ConnectSchemaType.Bytes;

    // A logical type AvroData reads as its plain type: the plain value of the C# property (a struct, so .Value when optional).
    private static string Plain(string format, string expression, TransformSchema schema) =>
        schema.Optional
            ? "("
                + expression
                + " is null ? null : ("
                + Of(schema.Type)
                + "?)"
                + string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    format,
                    expression + ".Value"
                )
                + ")"
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, expression);

    // An array or map of enums: each item's symbol (AvroData's STRING), into the output's string[] or map of strings.
    private static string Symbols(string format, string expression, TransformSchema schema)
    {
        var item = Local(expression);
        var symbols =
            schema.Type == ConnectSchemaType.Array
                ? "global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select("
                    + expression
                    + ", "
                    + item
                    + " => "
                    + string.Format(System.Globalization.CultureInfo.InvariantCulture, format, item)
                    + "))"
                : "global::System.Linq.Enumerable.ToDictionary("
                    + expression
                    + ", "
                    + item
                    + " => "
                    + item
                    + ".Key, "
                    + item
                    + " => "
                    + string.Format(
                        System.Globalization.CultureInfo.InvariantCulture,
                        format,
                        item + ".Value"
                    )
                    + ")";
        return schema.Optional ? "(" + expression + " is null ? null : " + symbols + ")" : symbols;
    }

    /// <summary>
    /// The slot of the input field <paramref name="schema"/> read by <paramref name="expression"/>
    /// (e.g. <c>value.Customer</c>); a struct's fields are read through it, by the property names
    /// the Avro generator gives them.
    /// </summary>
    public static CompiledSlot Read(string name, TransformSchema schema, string expression)
    {
        var slot = new CompiledSlot(
            name,
            schema.Type,
            schema.Optional,
            schema.Underlying is { } plain ? Plain(plain, expression, schema)
                : schema.Items is { Enum: true, Underlying: { } symbol }
                    ? Symbols(symbol, expression, schema)
                : expression,
            schema.IsStruct ? null : schema.Name,
            Items: schema.Items,
            Parameters: schema.Parameters,
            Default: schema.Default
        );
        if (schema.Items is { IsStruct: true } items)
        {
            // The lambda's parameter, unique to the collection's place; a map's item is a pair's Value.
            var parameter = Local(expression);
            return slot with
            {
                ItemParameter = parameter,
                ItemFields = Read(
                    string.Empty,
                    items,
                    schema.Type == ConnectSchemaType.Map ? parameter + ".Value" : parameter
                ).Fields,
            };
        }
        if (!schema.IsStruct)
        {
            return slot;
        }
        var recordName = schema.Name ?? "ConnectDefault";
        var simple = recordName.Substring(recordName.LastIndexOf('.') + 1);
        return slot with
        {
            RecordName = recordName,
            Fields = schema
                .Fields.Select(f =>
                    Read(
                        f.Name,
                        f.Schema,
                        f.Read is { } read
                            ? string.Format(
                                System.Globalization.CultureInfo.InvariantCulture,
                                read,
                                expression
                            )
                            : expression
                                + (schema.Optional ? "!." : ".")
                                + Avro.AvroSchemaParser.PropertyName(f.Name, simple)
                    )
                )
                .ToList(),
        };
    }
}
