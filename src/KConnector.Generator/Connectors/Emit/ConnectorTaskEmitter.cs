namespace KConnector.Generator.Connectors;

/// <summary>
/// Completes the user's [SourceConnector]/[SinkConnector] class: the task interface its method
/// implements, a FlushAsync when it has none (a sink that writes synchronously has nothing to flush),
/// and its config definition.
/// </summary>
internal static class ConnectorTaskEmitter
{
    public static string Emit(ConnectorModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        var source = model.Kind == ConnectorKind.Source;
        var iface =
            $"global::KConnector.Tasks.{(source ? "ISourceTask" : "ISinkTask")}<{model.KeyType}, {model.ValueType}>";
        using (w.WriteBlock($"partial class {model.TypeName} : {iface}"))
        {
            w.WriteLine(
                "/// <summary>The connector's config keys (Kafka Connect's ConfigDef), for a CLI or REST layer to serve.</summary>"
            );
            w.WriteLine(
                $"public static global::KConnector.Configuration.ConfigDefinition ConfigDefinition => {model.TypeName}Config.Definition;"
            );
            if (!source && !model.HasFlush)
            {
                w.WriteLine();
                w.WriteLine(
                    "/// <summary>Nothing to flush: records count as durable when PutAsync returns.</summary>"
                );
                w.WriteLine(
                    "public global::System.Threading.Tasks.ValueTask FlushAsync(global::System.Threading.CancellationToken cancellationToken) => default;"
                );
            }
        }
        return EmitText.End(w, model.Namespace);
    }
}
