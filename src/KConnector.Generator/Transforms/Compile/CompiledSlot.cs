namespace KConnector.Generator.Transforms;

/// <summary>
/// One field of the record while the chain is compiled: its name and Connect type as the stages
/// so far left them, and the C# expression (over <c>value</c> and <c>topic</c>) giving it, of the
/// C# type <see cref="CSharpType"/> (with '?' when optional).
/// </summary>
internal sealed record CompiledSlot(
    string Name,
    ConnectSchemaType Type,
    bool Optional,
    string Expression
)
{
    /// <summary>The C# type the Avro record generated for this field has (int8/int16 are Avro ints).</summary>
    public string CSharpType => Of(Type) + (Optional ? "?" : string.Empty);

    public static string Of(ConnectSchemaType type) =>
        type switch
        {
            ConnectSchemaType.Int8 or ConnectSchemaType.Int16 or ConnectSchemaType.Int32 => "int",
            ConnectSchemaType.Int64 => "long",
            ConnectSchemaType.Float32 => "float",
            ConnectSchemaType.Float64 => "double",
            ConnectSchemaType.Boolean => "bool",
            ConnectSchemaType.Bytes => "byte[]",
            _ => "string",
        };

    /// <summary>Whether the compiled chain carries a field of this schema (primitives, no logical types).</summary>
    public static bool Carries(TransformSchema schema) =>
        schema.Name is null
        && schema.Type
            is ConnectSchemaType.Int32
                or ConnectSchemaType.Int64
                or ConnectSchemaType.Float32
                or ConnectSchemaType.Float64
                or ConnectSchemaType.Boolean
                or ConnectSchemaType.String
                or ConnectSchemaType.Bytes;
}
