namespace KConnector.Generator.Connectors;

/// <summary>
/// Writes <c>services.Add{TypeName}Connector(IConfiguration)</c> and
/// <c>services.Add{TypeName}Connector(Action&lt;IDictionary&lt;string, string?&gt;&gt;)</c>: each registers
/// the worker as a hosted service whose config is validated when the host starts.
/// </summary>
internal static class ConnectorRegistrationEmitter
{
    private const string Di = "global::Microsoft.Extensions.DependencyInjection";
    private const string Values =
        "global::System.Collections.Generic.IReadOnlyDictionary<string, string?>";

    public static string Emit(ConnectorModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        var config = model.TypeName + "Config";
        var worker = model.TypeName + "Worker";
        var method = "Add" + model.TypeName + "Connector";
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
            w.WriteLine("/// <summary>");
            w.WriteLine(
                $"/// Runs the connector with its config from <paramref name=\"configuration\"/> (Kafka-style keys such as <c>tasks.max</c>)"
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
                    $"return Register(services, () => global::KConnector.Connectors.ConfigurationValues.Flatten(configuration, {config}.SpecValues));"
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
            w.WriteLine();
            using (
                w.WriteBlock(
                    $"private static {Di}.IServiceCollection Register({Di}.IServiceCollection services, global::System.Func<{Values}> values)"
                )
            )
            {
                w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(services);");
                w.WriteLine(
                    $"{Di}.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<global::KConnector.Connectors.ConnectorEnvironment>(services);"
                );
                w.WriteLine(
                    $"{Di}.ServiceCollectionServiceExtensions.AddSingleton<global::Microsoft.Extensions.Hosting.IHostedService>("
                );
                w.Indentation++;
                w.WriteLine("services,");
                w.WriteLine(
                    "provider => new global::KConnector.Connectors.ConnectorHostedService("
                );
                w.Indentation++;
                w.WriteLine($"() => new {worker}(");
                w.Indentation++;
                w.WriteLine($"{config}.Parse(values()),");
                w.WriteLine(
                    $"{Di}.ServiceProviderServiceExtensions.GetRequiredService<global::KConnector.Connectors.ConnectorEnvironment>(provider),"
                );
                w.WriteLine(
                    $"{Di}.ServiceProviderServiceExtensions.GetService<global::Microsoft.Extensions.Logging.ILoggerFactory>(provider)?.CreateLogger({EmitText.Literal("KConnector.Connectors." + model.TypeName)})"
                );
                w.Indentation--;
                w.WriteLine("),");
                w.WriteLine(
                    $"{Di}.ServiceProviderServiceExtensions.GetService<global::Microsoft.Extensions.Logging.ILogger<global::KConnector.Connectors.ConnectorHostedService>>(provider)"
                );
                w.Indentation--;
                w.WriteLine(")");
                w.Indentation--;
                w.WriteLine(");");
                w.WriteLine("return services;");
            }
        }
        return EmitText.End(w, model.Namespace);
    }
}
