using System.Globalization;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Writes {Record}RecordAccessor: the record's table mapping as a static <c>RecordShape</c> (names,
/// types, nullability and defaults from the .avsc) and straight-line <c>Read</c> (property reads into
/// the span) and <c>Create</c> (an object initializer), so connectors map records without reflection
/// and without encoding each record as AvroRecordAccessor does.
/// </summary>
internal static class RecordAccessorEmitter
{
    private const string Shapes = "global::KConnector.Connectors.Shapes";
    private const string Time = "global::KConnector.Avro.AvroTime";

    public static string Emit(RecordShapeModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        var record = model.RecordType;
        w.WriteLine("/// <summary>");
        w.WriteLine(
            $"/// Maps <see cref=\"{record}\"/> to the columns or fields of a connector, as {EmitText.Xml(model.SchemaFile)} declares them."
        );
        w.WriteLine("/// Generated from the schema: no reflection and no encoding per record.");
        w.WriteLine("/// </summary>");
        w.WriteLine(EmitText.GeneratedCode);
        using (
            w.WriteBlock(
                $"{model.Access} sealed class {model.AccessorName} : {Shapes}.RecordAccessor<{record}>"
            )
        )
        {
            WriteShape(w, model);
            w.WriteLine();
            WriteRead(w, model);
            w.WriteLine();
            WriteCreate(w, model);
            w.WriteLine();
            WriteRequired(w, model);
        }
        return EmitText.End(w, model.Namespace);
    }

    private static void WriteShape(Emit.SourceWriter w, RecordShapeModel model)
    {
        w.WriteLine("/// <summary>The fields in schema order.</summary>");
        w.WriteLine($"public static {Shapes}.RecordShape RecordShape {{ get; }} =");
        w.Indentation++;
        w.WriteLine("new(");
        w.Indentation++;
        w.WriteLine(EmitText.Literal(model.AvroFullName) + ",");
        w.WriteLine($"new {Shapes}.RecordField[]");
        w.WriteLine("{");
        w.Indentation++;
        foreach (var field in model.Fields)
        {
            w.WriteLine(FieldOf(field) + ",");
        }
        w.Indentation--;
        w.WriteLine("}");
        w.Indentation--;
        w.WriteLine(");");
        w.Indentation--;
        w.WriteLine();
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine($"public override {Shapes}.RecordShape Shape => RecordShape;");
    }

    /// <summary>One <c>RecordField</c>: name, type, nullability and default, with its logical type and decimal scale.</summary>
    private static string FieldOf(ShapeFieldModel field)
    {
        var text =
            $"new({EmitText.Literal(field.Name)}, {Shapes}.FieldType.{field.FieldType}, {Bool(field.IsNullable)}, {field.NullBranch.ToString(CultureInfo.InvariantCulture)}, {Bool(field.HasDefault)})";
        var init = new System.Collections.Generic.List<string>();
        if (field.DefaultExpression is { } expression)
        {
            init.Add($"Default = {ToField(field, "(" + expression + ")")}");
        }
        if (field.Conversion != FieldConversion.None)
        {
            init.Add($"Logical = {Shapes}.FieldLogicalType.{field.Conversion}");
        }
        if (field.Conversion == FieldConversion.Decimal)
        {
            init.Add($"Precision = {Int(field.Precision)}");
            init.Add($"Scale = {Int(field.Scale)}");
        }
        return init.Count > 0 ? text + " { " + string.Join(", ", init) + " }" : text;
    }

    private static void WriteRead(Emit.SourceWriter w, RecordShapeModel model)
    {
        w.WriteLine("/// <inheritdoc />");
        using (
            w.WriteBlock(
                $"public override void Read({model.RecordType} record, global::System.Span<object?> values)"
            )
        )
        {
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(record);");
            for (var i = 0; i < model.Fields.Count; i++)
            {
                w.WriteLine($"values[{i}] = {ReadValue(model.Fields[i], i)};");
            }
        }
    }

    private static void WriteCreate(Emit.SourceWriter w, RecordShapeModel model)
    {
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine(
            $"public override {model.RecordType} Create(global::System.ReadOnlySpan<object?> values) =>"
        );
        w.Indentation++;
        w.WriteLine($"new {model.RecordType}");
        w.WriteLine("{");
        w.Indentation++;
        for (var i = 0; i < model.Fields.Count; i++)
        {
            var field = model.Fields[i];
            w.WriteLine($"{field.Property} = {CreateValue(field, i)},");
        }
        w.Indentation--;
        w.WriteLine("};");
        w.Indentation--;
    }

    private static void WriteRequired(Emit.SourceWriter w, RecordShapeModel model)
    {
        w.WriteLine(
            "/// <summary>A non-nullable field's value, with an error naming the field when it is null or of another type.</summary>"
        );
        w.WriteLine("private static T Required<T>(object? value, string field) =>");
        w.Indentation++;
        w.WriteLine("value is T typed");
        w.WriteLine("    ? typed");
        w.WriteLine("    : throw new global::System.FormatException(");
        w.WriteLine(
            $"        value is null ? $\"field '{{field}}' of {EmitText.Xml(model.AvroFullName)} is not nullable but the value is null\" : $\"field '{{field}}' of {EmitText.Xml(model.AvroFullName)} needs a {{typeof(T).Name}}, not a {{value.GetType().Name}}\""
        );
        w.WriteLine("    );");
        w.Indentation--;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private const string AvroDecimal = "global::KConnector.Avro.AvroDecimal";

    private static string ReadValue(ShapeFieldModel field, int index)
    {
        var property = "record." + field.Property;
        if (field.Conversion == FieldConversion.None)
        {
            return property;
        }
        if (!field.IsNullable)
        {
            return ToField(field, property);
        }
        var local = "__" + index.ToString(CultureInfo.InvariantCulture);
        return $"{property} is {{ }} {local} ? {ToField(field, local)} : null";
    }

    private static string CreateValue(ShapeFieldModel field, int index)
    {
        var slot = $"values[{index.ToString(CultureInfo.InvariantCulture)}]";
        var clr = ClrOf(field.FieldType);
        if (field.Conversion == FieldConversion.None)
        {
            return field.IsNullable
                ? $"({clr}?){slot}"
                : $"Required<{clr}>({slot}, {EmitText.Literal(field.Name)})";
        }
        if (!field.IsNullable)
        {
            return FromField(field, $"Required<{clr}>({slot}, {EmitText.Literal(field.Name)})");
        }
        var local = "__" + index.ToString(CultureInfo.InvariantCulture);
        return $"{slot} is {clr} {local} ? {FromField(field, local)} : null";
    }

    /// <summary>The property value (of the logical type's .NET type) as the field type's CLR value.</summary>
    private static string ToField(ShapeFieldModel field, string e) =>
        field.Conversion switch
        {
            FieldConversion.Date => $"{Time}.ToDays({e})",
            FieldConversion.TimeMillis => $"{Time}.ToMillisOfDay({e})",
            FieldConversion.TimeMicros => $"{Time}.ToMicrosOfDay({e})",
            FieldConversion.TimestampMillis => $"{Time}.ToUnixMillis({e})",
            FieldConversion.TimestampMicros => $"{Time}.ToUnixMicros({e})",
            FieldConversion.LocalTimestampMillis => $"{Time}.ToLocalMillis({e})",
            FieldConversion.LocalTimestampMicros => $"{Time}.ToLocalMicros({e})",
            FieldConversion.Uuid => $"{e}.ToString(\"D\")",
            FieldConversion.Decimal when field.IsClrDecimal =>
                $"{AvroDecimal}.FromDecimal({e}, {Int(field.Scale)}, {EmitText.Literal(field.Name)}).ToUnscaledBytes()",
            FieldConversion.Decimal =>
                $"{e}.WithScale({Int(field.Scale)}, {EmitText.Literal(field.Name)}).ToUnscaledBytes()",
            _ => e,
        };

    /// <summary>The field type's CLR value as the property's type.</summary>
    private static string FromField(ShapeFieldModel field, string e) =>
        field.Conversion switch
        {
            FieldConversion.Date => $"{Time}.DateFromDays({e})",
            FieldConversion.TimeMillis => $"{Time}.TimeFromMillis({e})",
            FieldConversion.TimeMicros => $"{Time}.TimeFromMicros({e})",
            FieldConversion.TimestampMillis => $"{Time}.TimestampFromMillis({e})",
            FieldConversion.TimestampMicros => $"{Time}.TimestampFromMicros({e})",
            FieldConversion.LocalTimestampMillis => $"{Time}.LocalTimestampFromMillis({e})",
            FieldConversion.LocalTimestampMicros => $"{Time}.LocalTimestampFromMicros({e})",
            FieldConversion.Uuid =>
                $"global::KConnector.Avro.AvroUuid.Parse({e}, {EmitText.Literal(field.Name)})",
            FieldConversion.Decimal when field.IsClrDecimal =>
                $"{AvroDecimal}.FromUnscaledBytes({e}, {Int(field.Scale)}).ToDecimal()",
            FieldConversion.Decimal => $"{AvroDecimal}.FromUnscaledBytes({e}, {Int(field.Scale)})",
            _ => e,
        };

    private static string ClrOf(string fieldType) =>
        fieldType switch
        {
            "Boolean" => "bool",
            "Int" => "int",
            "Long" => "long",
            "Float" => "float",
            "Double" => "double",
            "Bytes" => "byte[]",
            _ => "string",
        };
}
