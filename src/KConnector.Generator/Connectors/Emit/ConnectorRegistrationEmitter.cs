namespace KConnector.Generator.Connectors;

/// <summary>
/// Writes <c>services.Add{TypeName}Connector(IConfiguration)</c> and
/// <c>services.Add{TypeName}Connector(Action&lt;IDictionary&lt;string, string?&gt;&gt;)</c>: each registers
/// the connector on the host's one ConnectWorker (added if it is not yet), which validates its config
/// when the host starts and runs its tasks.max tasks (one for a built-in source that cannot split).
/// </summary>
internal static class ConnectorRegistrationEmitter
{
    private const string Di = "global::Microsoft.Extensions.DependencyInjection";
    private const string Values =
        "global::System.Collections.Generic.IReadOnlyDictionary<string, string?>";

    public static string Emit(ConnectorModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        w.WriteLine(
            $"/// <summary>Registers the connector \"{EmitText.Xml(model.ConnectorName)}\" with a .NET host.</summary>"
        );
        w.WriteLine(EmitText.GeneratedCode);
        using (
            w.WriteBlock(
                $"{model.Access} static partial class {model.TypeName}ConnectorServiceCollectionExtensions"
            )
        )
        {
            WriteAddMethods(w, model);
            w.WriteLine();
            WriteRegister(w, model);
        }
        return EmitText.End(w, model.Namespace);
    }

    /// <summary>Add{TypeName}Connector over an IConfiguration, and over the spec's values changed in code.</summary>
    private static void WriteAddMethods(Emit.SourceWriter w, ConnectorModel model)
    {
        var config = model.TypeName + "Config";
        var method = "Add" + model.TypeName + "Connector";
        w.WriteLine("/// <summary>");
        w.WriteLine(
            $"/// Runs the connector's <c>tasks.max</c> tasks on the host's worker with its config from <paramref name=\"configuration\"/> (Kafka-style keys such as <c>tasks.max</c>)"
        );
        w.WriteLine($"/// over the spec's values (<see cref=\"{config}.SpecValues\"/>).");
        w.WriteLine("/// </summary>");
        using (
            w.WriteBlock(
                $"public static {Di}.IServiceCollection {method}(this {Di}.IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration configuration)"
            )
        )
        {
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(configuration);");
            w.WriteLine(
                $"return Register(services, () => global::KConnector.GeneratedCode.ConfigurationValues.Flatten(configuration, {config}.SpecValues));"
            );
        }
        w.WriteLine();
        w.WriteLine(
            "/// <summary>Runs the connector with the spec's values, changed by <paramref name=\"configure\"/> (Kafka-style keys).</summary>"
        );
        using (
            w.WriteBlock(
                $"public static {Di}.IServiceCollection {method}(this {Di}.IServiceCollection services, global::System.Action<global::System.Collections.Generic.IDictionary<string, string?>>? configure = null)"
            )
        )
        {
            using (w.WriteBlock("return Register(services, () =>"))
            {
                w.WriteLine(
                    $"var values = new global::System.Collections.Generic.Dictionary<string, string?>({config}.SpecValues, global::System.StringComparer.Ordinal);"
                );
                w.WriteLine("configure?.Invoke(values);");
                w.WriteLine("return values;");
            }
            w.WriteLine(");");
        }
    }

    private static void WriteRegister(Emit.SourceWriter w, ConnectorModel model)
    {
        using (
            w.WriteBlock(
                $"private static {Di}.IServiceCollection Register({Di}.IServiceCollection services, global::System.Func<{Values}> values)"
            )
        )
        {
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(services);");
            w.WriteLine(
                "return global::KConnector.GeneratedCode.GeneratedConnectorRegistration.AddValidatedConnector("
            );
            w.Indentation++;
            w.WriteLine("services,");
            w.WriteLine($"isSink: {(model.Kind == ConnectorKind.Sink ? "true" : "false")},");
            w.WriteLine("provider =>");
            w.WriteLine("{");
            w.Indentation++;
            w.WriteLine(
                "// Validated when the host starts: every bad key at once, and the host does not start."
            );
            w.WriteLine($"var config = {model.TypeName}Config.Parse(values());");
            w.WriteLine(
                $"return new global::KConnector.GeneratedCode.ValidatedConnector(config.Parsed, (options, logger) => {model.TypeName}Worker.CreateTask(config, options, logger));"
            );
            w.Indentation--;
            if (model.SingleTask)
            {
                w.WriteLine("},");
                w.WriteLine(
                    "// It reads one source (a file, an endpoint, a table): one task, as Kafka Connect's FileStreamSourceConnector."
                );
                w.WriteLine("taskLimit: 1");
            }
            else
            {
                w.WriteLine("}");
            }
            w.Indentation--;
            w.WriteLine(");");
        }
    }
}
