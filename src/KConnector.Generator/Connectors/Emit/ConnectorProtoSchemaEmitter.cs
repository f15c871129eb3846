namespace KConnector.Generator.Connectors;

/// <summary>
/// Writes the part of {TypeName}Worker holding the .proto text of its Protobuf key or value message:
/// what ConverterFormats.ProtobufMessage gives the ProtobufConverter to register (schemaType
/// PROTOBUF), copied from the project's .proto file at compile time so nothing is read at run time.
/// Public, so that code writing to the connector's topics (a producer, a test, a feeder) can build
/// the same converter: ConverterFormats.ProtobufMessage&lt;T&gt;(OrdersSinkWorker.ValueProtoSchema).
/// </summary>
internal static class ConnectorProtoSchemaEmitter
{
    public static bool Emits(ConnectorModel model) =>
        model.KeyProtoText is not null || model.ValueProtoText is not null;

    /// <summary>The constant the worker's converter formats expression names.</summary>
    public static string ConstantName(string side) =>
        side == "key" ? "KeyProtoSchema" : "ValueProtoSchema";

    public static string Emit(ConnectorModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        using (w.WriteBlock($"partial class {model.TypeName}Worker"))
        {
            Write(w, model.KeyProtoText, model.KeyType, "key");
            Write(w, model.ValueProtoText, model.ValueType, "value");
        }
        return EmitText.End(w, model.Namespace);
    }

    private static void Write(Emit.SourceWriter w, string? text, string type, string side)
    {
        if (text is null)
        {
            return;
        }
        w.WriteLine(
            $"/// <summary>The .proto file declaring the {side} message {EmitText.Xml(type.Replace("global::", string.Empty))}, as registered with the Schema Registry.</summary>"
        );
        w.WriteLine($"public const string {ConstantName(side)} = {EmitText.Literal(text)};");
    }
}
