using System.Linq;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Writes {TypeName}Worker: CreateTask builds one task's SourceTaskRunner / SinkTaskRunner (the task
/// from the config, the converters the types need, the task's optional StartAsync/StopAsync/Dispose
/// and the converters' registry clients tied to its run), which the host's ConnectWorker calls once
/// per task; RunAsync runs one such task on its own.
/// </summary>
internal static class ConnectorWorkerEmitter
{
    private const string Ns = "global::KConnector";

    public static string Emit(ConnectorModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        var type = model.TypeName + "Worker";
        var source = model.Kind == ConnectorKind.Source;
        w.WriteLine("/// <summary>");
        w.WriteLine(
            $"/// Runs the {(source ? "source" : "sink")} connector \"{EmitText.Xml(model.ConnectorName)}\": {EmitText.Xml(model.KeyType.Replace("global::", string.Empty))} keys through the {model.KeyConverter.SimpleName} by default,"
        );
        w.WriteLine(
            $"/// {EmitText.Xml(model.ValueType.Replace("global::", string.Empty))} values through the {model.ValueConverter.SimpleName} by default."
        );
        w.WriteLine("/// </summary>");
        w.WriteLine(EmitText.GeneratedCode);
        using (
            w.WriteBlock(
                $"{model.Access} sealed partial class {type} : {Ns}.Connectors.IConnectorWorker"
            )
        )
        {
            WriteConstruction(w, model, type);
            w.WriteLine();
            WriteRunAsync(w, model);
            w.WriteLine();
            WriteCreateTask(w, model);
        }
        return EmitText.End(w, model.Namespace);
    }

    /// <summary>The fields, the constructor over a validated config, and the IConnectorWorker members.</summary>
    private static void WriteConstruction(Emit.SourceWriter w, ConnectorModel model, string type)
    {
        var config = model.TypeName + "Config";
        w.WriteLine($"private readonly {Ns}.Connectors.ConnectorEnvironment _environment;");
        w.WriteLine("private readonly global::Microsoft.Extensions.Logging.ILogger _logger;");
        w.WriteLine($"private {Ns}.Hosting.ConnectWorker? _worker;");
        w.WriteLine();
        w.WriteLine(
            "/// <summary>Creates the worker; nothing connects until <see cref=\"RunAsync\"/>.</summary>"
        );
        using (
            w.WriteBlock(
                $"public {type}({config} config, {Ns}.Connectors.ConnectorEnvironment environment, global::Microsoft.Extensions.Logging.ILogger? logger = null)"
            )
        )
        {
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(config);");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(environment);");
            w.WriteLine("Config = config;");
            w.WriteLine("_environment = environment;");
            w.WriteLine(
                "_logger = logger ?? global::Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;"
            );
        }
        w.WriteLine();
        w.WriteLine("/// <summary>The validated config.</summary>");
        w.WriteLine($"public {config} Config {{ get; }}");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine("public string Name => Config.Name;");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine(
            "public long RecordsProcessed => global::System.Threading.Volatile.Read(ref _worker)?.RecordsProcessed(Name) ?? 0;"
        );
    }

    private static void WriteRunAsync(Emit.SourceWriter w, ConnectorModel model)
    {
        var source = model.Kind == ConnectorKind.Source;
        w.WriteLine("/// <summary>");
        w.WriteLine(
            "/// Runs the connector on a worker of its own until <paramref name=\"stoppingToken\"/> is cancelled, then stops it cleanly;"
        );
        w.WriteLine(
            $"/// throws a task's failure. The road a host (<c>Add{model.TypeName}Connector</c>) and <c>kconnector run</c> take: its"
        );
        w.WriteLine(
            "/// <c>tasks.max</c> tasks, offsets in memory and committed after every batch (a host's worker settings choose otherwise)."
        );
        w.WriteLine("/// </summary>");
        using (
            w.WriteBlock(
                "public async global::System.Threading.Tasks.Task RunAsync(global::System.Threading.CancellationToken stoppingToken)"
            )
        )
        {
            w.WriteLine(
                $"var registration = {Ns}.Hosting.ConnectorRegistration.ForValidated({(source ? "isSink: false" : "isSink: true")}, _ => new {Ns}.GeneratedCode.ValidatedConnector(Config.Parsed, (options, logger) => CreateTask(Config, options, logger)){(model.SingleTask ? ", taskLimit: 1" : string.Empty)});"
            );
            w.WriteLine(
                $"var worker = {Ns}.Hosting.ConnectWorker.ForConnector(registration, _environment, _logger);"
            );
            w.WriteLine("global::System.Threading.Volatile.Write(ref _worker, worker);");
            w.WriteLine("await worker.RunAsync(stoppingToken).ConfigureAwait(false);");
        }
    }

    private static void WriteCreateTask(Emit.SourceWriter w, ConnectorModel model)
    {
        var config = model.TypeName + "Config";
        var runner =
            $"{Ns}.Worker.{(model.Kind == ConnectorKind.Source ? "SourceTaskRunner" : "SinkTaskRunner")}<{model.KeyType}, {model.ValueType}>";
        w.WriteLine("/// <summary>");
        w.WriteLine(
            "/// Builds one task of the connector for <paramref name=\"options\"/> (its id, brokers, topics, error handling): its own"
        );
        w.WriteLine(
            "/// task object and converters, whose Schema Registry clients are released when its run ends. Run it once."
        );
        w.WriteLine("/// </summary>");
        using (
            w.WriteBlock(
                $"public static {runner} CreateTask({config} config, {Ns}.Worker.WorkerOptions options, global::Microsoft.Extensions.Logging.ILogger logger)"
            )
        )
        {
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(config);");
            Transforms.CompiledChainConverter.WriteOptions(w, model);
            WriteTaskCreation(w, model);
            w.WriteLine($"var resources = new {Ns}.Worker.TaskResources();");
            Transforms.CompiledChainConverter.WriteSharedInput(w, model, Converter);
            var metadata = Transforms.CompiledChainConverter.WriteMetadata(w, model);
            w.WriteLine($"return new {runner}(");
            w.Indentation++;
            w.WriteLine("options,");
            w.WriteLine("task,");
            w.WriteLine(Transforms.CompiledChainConverter.OfKey(model, Converter) + ",");
            w.WriteLine(Transforms.CompiledChainConverter.Of(model, Converter) + ",");
            w.WriteLine("logger");
            w.Indentation--;
            w.WriteLine(")");
            w.WriteLine("{");
            w.Indentation++;
            if (metadata)
            {
                w.WriteLine("CompiledMetadata = metadata,");
            }
            if (model.HasStart)
            {
                w.WriteLine(
                    "Starting = cancellationToken => task.StartAsync(cancellationToken).AsTask(),"
                );
            }
            WriteStopped(w, model);
            w.Indentation--;
            w.WriteLine("};");
        }
    }

    // The task's StopAsync and Dispose, then the converters' registry clients, whatever happens.
    private static void WriteStopped(Emit.SourceWriter w, ConnectorModel model)
    {
        w.WriteLine(model.HasStop ? "Stopped = async () =>" : "Stopped = () =>");
        w.WriteLine("{");
        w.Indentation++;
        if (!model.HasStop && !model.TaskIsDisposable)
        {
            w.WriteLine("resources.Dispose();");
        }
        else
        {
            using (w.WriteBlock("try"))
            {
                if (model.HasStop)
                {
                    w.WriteLine(
                        "await task.StopAsync(global::System.Threading.CancellationToken.None).ConfigureAwait(false);"
                    );
                }
                if (model.TaskIsDisposable)
                {
                    w.WriteLine("task.Dispose();");
                }
            }
            using (w.WriteBlock("finally"))
            {
                w.WriteLine("resources.Dispose();");
            }
        }
        if (!model.HasStop)
        {
            w.WriteLine("return global::System.Threading.Tasks.Task.CompletedTask;");
        }
        w.Indentation--;
        w.WriteLine("},");
    }

    private static void WriteTaskCreation(Emit.SourceWriter w, ConnectorModel model)
    {
        var userKeys = model.Keys.Where(k => k.UserProperty is not null).ToList();
        if (!model.UserClass || userKeys.Count == 0)
        {
            w.WriteLine($"var task = {model.TaskCreation};");
            return;
        }
        w.WriteLine($"var task = {model.TaskCreation}");
        w.WriteLine("{");
        w.Indentation++;
        foreach (var key in userKeys)
        {
            var value = "config." + key.PropertyName;
            if (key.Type == ConfigKeyType.Password)
            {
                value += ConfigPropertyWriter.Nullable(key) ? "?.Value" : ".Value";
            }
            w.WriteLine($"{key.UserProperty} = {value},");
        }
        w.Indentation--;
        w.WriteLine("};");
    }

    /// <summary>
    /// ConverterFactory builds the converter config's key.converter / value.converter names (the
    /// spec's, or a run-time override that carries the same type) with its key.converter.* /
    /// value.converter.* settings, from the formats the type was compiled with.
    /// </summary>
    internal static string Converter(TypeFormats formats, string type, string side) =>
        ConverterOf(Formats(formats, type, side), type, side);

    /// <summary>As <see cref="Converter"/>, with the formats given as an expression (a compiled chain's primitive output: its Avro schema).</summary>
    internal static string ConverterOf(string formats, string type, string side)
    {
        var isKey = side == "key" ? "true" : "false";
        return $"{Ns}.Converters.ConverterFactory.Create<{type}>(config.{(side == "key" ? "KeyConverter" : "ValueConverter")}, {Ns}.GeneratedCode.ConnectorWorkerOptions.ConverterSettings(config.Parsed, isKey: {isKey}), isKey: {isKey}, {formats}, resources)";
    }

    private static string Formats(TypeFormats formats, string type, string side)
    {
        var parts = new System.Collections.Generic.List<string>();
        if ((formats & TypeFormats.AvroRecord) != 0)
        {
            parts.Add($"{Ns}.Converters.ConverterFormats.AvroRecord<{type}>()");
        }
        if ((formats & TypeFormats.JsonSchemaRecord) != 0)
        {
            parts.Add($"{Ns}.Converters.ConverterFormats.JsonSchemaRecord<{type}>()");
        }
        if ((formats & (TypeFormats.OwnFormats | TypeFormats.SchemalessJson)) != 0)
        {
            parts.Add(type + ".Formats");
        }
        if ((formats & TypeFormats.ProtobufMessage) != 0)
        {
            // The .proto text is a constant of the worker's other part (ConnectorProtoSchemaEmitter).
            parts.Add(
                $"{Ns}.Converters.ConverterFormats.ProtobufMessage<{type}>({ConnectorProtoSchemaEmitter.ConstantName(side)})"
            );
        }
        if (parts.Count == 0)
        {
            // string and byte[]: String/ByteArray and Json need no codec of the type's own.
            return $"{Ns}.Converters.ConverterFormats.None<{type}>()";
        }
        return string.Join(".And(", parts) + new string(')', parts.Count - 1);
    }
}
