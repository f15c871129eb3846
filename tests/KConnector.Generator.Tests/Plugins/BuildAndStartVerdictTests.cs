using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using KConnector.Configuration;
using KConnector.Connectors;
using KConnector.Errors;
using KConnector.Worker;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// Issue 13: one config, one verdict. Each row runs through the build (the generator's diagnostics on
/// a spec, what <c>kconnector validate</c> runs too) and through a start of the generated worker (its
/// config's Validate, the worker options and the plugin's CreateTask), and both must name the same
/// keys. The connector is the third-party AuditSink, so its own keys come from a descriptor read
/// from metadata; the framework keys from the runtime's definitions.
/// </summary>
public sealed partial class BuildAndStartVerdictTests
{
    private const string Rf = "errors.deadletterqueue.topic.replication.factor";

    /// <summary>The spec every row starts from; a row's "key=" makes the key blank (not given).</summary>
    private static readonly Dictionary<string, string> Base = new(StringComparer.Ordinal)
    {
        ["connector.class"] = "AuditSink",
        ["topics"] = "audit-in",
        ["audit.file"] = "audit.log",
    };

    private static readonly Lazy<Assembly> Compiled = new(() =>
        ThirdPartyPluginTests.Compile(SpecOf(Base))
    );

    [Theory]
    // Valid.
    [InlineData("", "")]
    [InlineData("tasks.max=4", "")]
    [InlineData("tasks.max=", "")]
    [InlineData("errors.tolerance=all", "")]
    [InlineData("errors.tolerance=ALL", "")]
    [InlineData("errors.retry.timeout=-1", "")]
    [InlineData("errors.retry.delay.max.ms=1", "")]
    [InlineData(Rf + "=-1", "")]
    [InlineData(Rf + "=1", "")]
    [InlineData(Rf + "=32767", "")]
    [InlineData("errors.tolerance=all;errors.deadletterqueue.topic.name=audit-dlq", "")]
    [InlineData("topics=;topics.regex=audit-.*", "")]
    [InlineData("errors.log.enable=true", "")]
    [InlineData("header.converter=org.apache.kafka.connect.converters.ByteArrayConverter", "")]
    [InlineData("header.converter=org.apache.kafka.connect.storage.SimpleHeaderConverter", "")]
    [InlineData("header.converter=SimpleHeaderConverter", "")]
    [InlineData("header.converter=String", "")]
    [InlineData("audit.prefix=abc", "")]
    [InlineData("audit.mode=signed;audit.key=s3cret", "")]
    [InlineData("audit.mode=SIGNED;audit.key=s3cret", "")]
    [InlineData("audit.batch=1000", "")]
    // A converter's own settings, against the definition of the converter the value gets.
    [InlineData("value.converter.converter.encoding=UTF-16", "")]
    [InlineData("value.converter=JsonConverter;value.converter.schemas.enable=false", "")]
    [InlineData("value.converter=Json;value.converter.schemas.cache.size=10", "")]
    // The package's converter (CaesarConverter), created from its descriptor.
    [InlineData("value.converter=Caesar;value.converter.shift=3", "")]
    [InlineData("value.converter=Acme.Connectors.Audit.CaesarConverter", "")]
    // Another converter's settings are ignored, as Kafka Connect's converters ignore them.
    [InlineData("value.converter.schemas.enable=false", "")]
    [InlineData("value.converter.schemas.enable=maybe", "")]
    [InlineData("key.converter=JsonConverter;key.converter.converter.encoding=UTF8", "")]
    [InlineData("value.converter=Json;value.converter.schema.registry.url=mock://audit", "")]
    // The package's options record, typed from its descriptor, reads what the build accepts.
    [InlineData("audit.mode=Signed;audit.key=s3cret;audit.batch=100", "")]
    [InlineData("audit.batch=1000;audit.prefix=z", "")]
    // Invalid, one key.
    [InlineData("tasks.max=0", "tasks.max")]
    [InlineData("tasks.max=two", "tasks.max")]
    [InlineData("tasks.max=99999999999", "tasks.max")]
    [InlineData("errors.tolerance=some", "errors.tolerance")]
    [InlineData("errors.retry.timeout=-2", "errors.retry.timeout")]
    [InlineData("errors.retry.delay.max.ms=0", "errors.retry.delay.max.ms")]
    [InlineData("errors.log.enable=yes", "errors.log.enable")]
    [InlineData(
        "errors.deadletterqueue.context.headers.enable=1",
        "errors.deadletterqueue.context.headers.enable"
    )]
    [InlineData(Rf + "=0", Rf)]
    [InlineData(Rf + "=-2", Rf)]
    [InlineData(Rf + "=40000", Rf)]
    [InlineData("header.converter=io.confluent.connect.avro.AvroConverter", "header.converter")]
    [InlineData("header.converter=SimpleHeaderConvertr", "header.converter")]
    [InlineData("audit.file=", "audit.file")]
    [InlineData("audit.prefix=ACME", "audit.prefix")]
    [InlineData("audit.prefix=a1", "audit.prefix")]
    [InlineData("audit.mode=loud", "audit.mode")]
    [InlineData("audit.batch=0", "audit.batch")]
    [InlineData("audit.batch=1001", "audit.batch")]
    [InlineData("audit.batch=ten", "audit.batch")]
    [InlineData("audit.batch=1.5", "audit.batch")]
    [InlineData(
        "value.converter=JsonConverter;value.converter.schemas.enabled=false",
        "value.converter.schemas.enabled"
    )]
    [InlineData(
        "value.converter=JsonConverter;value.converter.schemas.enable=maybe",
        "value.converter.schemas.enable"
    )]
    [InlineData(
        "value.converter=JsonConverter;value.converter.schemas.cache.size=-1",
        "value.converter.schemas.cache.size"
    )]
    [InlineData("value.converter.schemas.enabled=false", "value.converter.schemas.enabled")]
    [InlineData("value.converter=Caesar;value.converter.shift=30", "value.converter.shift")]
    [InlineData("value.converter=Caesar;value.converter.shfit=3", "value.converter.shfit")]
    [InlineData(
        "key.converter=JsonConverter;key.converter.converter.encodng=UTF8",
        "key.converter.converter.encodng"
    )]
    // Invalid across keys.
    [InlineData("audit.mode=signed", "audit.key")]
    [InlineData("audit.mode=signed;audit.key=", "audit.key")]
    [InlineData("topics=", "topics")]
    [InlineData("topics.regex=audit-.*", "topics")]
    [InlineData("errors.deadletterqueue.topic.name=audit-dlq", "errors.deadletterqueue.topic.name")]
    [InlineData(
        "errors.tolerance=none;errors.deadletterqueue.topic.name=audit-dlq",
        "errors.deadletterqueue.topic.name"
    )]
    // Several at once: every one is named.
    [InlineData("tasks.max=0;errors.tolerance=some", "errors.tolerance,tasks.max")]
    [InlineData(
        "errors.log.enable=yes;audit.batch=0;audit.mode=signed",
        "audit.batch,audit.key,errors.log.enable"
    )]
    public void BuildAndStart_GiveTheSameVerdict_NamingTheSameKeys(string row, string expected)
    {
        var config = new Dictionary<string, string>(Base, StringComparer.Ordinal);
        foreach (var pair in row.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            config[pair[..equals]] = pair[(equals + 1)..];
        }
        var keys = expected.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(keys, BuildVerdict(config));
        Assert.Equal(keys, StartVerdict(config));
    }

    // A rule the descriptor states in code (its ValidateAcrossKeys): the build cannot run it and so
    // never gives a verdict on it; `kconnector validate` (the generated config's Validate, then its
    // Definition's CrossKeyRules, as ConfigCheck runs them) and a start refuse it naming one key.
    [Theory]
    [InlineData("audit.mode=signed;audit.key=k;audit.batch=500", "audit.batch")]
    [InlineData("audit.mode=SIGNED;audit.key=k;audit.batch=101", "audit.batch")]
    [InlineData("audit.mode=signed;audit.key=k;audit.batch=100", "")]
    [InlineData("audit.mode=plain;audit.batch=500", "")]
    public void ValidateAndStart_GiveTheSameVerdict_OnARuleInCode(string row, string expected)
    {
        var config = new Dictionary<string, string>(Base, StringComparer.Ordinal);
        foreach (var pair in row.Split(';'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            config[pair[..equals]] = pair[(equals + 1)..];
        }
        var keys = expected.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Empty(BuildVerdict(config));
        Assert.Equal(keys, ValidateVerdict(config));
        Assert.Equal(keys, StartVerdict(config));
    }

    /// <summary>What <c>kconnector validate</c> refuses: the config's Validate, then the definition's rules across keys.</summary>
    private static List<string> ValidateVerdict(
        Dictionary<string, string> config,
        Assembly? compiled = null
    )
    {
        var configType = (compiled ?? Compiled.Value)
            .GetTypes()
            .Single(t => t.GetMethod("Validate") is not null);
        var values = config.ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        values["name"] = "audit";
        var parsed = (ParsedConfig)configType.GetMethod("Validate")!.Invoke(null, [values, null])!;
        var definition = (ConfigDefinition)configType.GetProperty("Definition")!.GetValue(null)!;
        Assert.NotNull(definition.CrossKeyRules);
        try
        {
            definition.ValidateAcrossKeys(parsed.Originals);
            return [.. parsed.Issues.Select(i => i.Key)];
        }
        catch (ConfigValidationException e)
        {
            return [.. e.Issues.Select(i => i.Key).Distinct().Order(StringComparer.Ordinal)];
        }
    }

    private static List<string> BuildVerdict(
        Dictionary<string, string> config,
        Func<string, GeneratorDriverRunResult>? generate = null
    ) =>
        [
            .. (generate ?? (spec => ThirdPartyPluginTests.Generate(spec)))(SpecOf(config))
                .Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(KeyOf)
                .Distinct()
                .Order(StringComparer.Ordinal),
        ];

    /// <summary>What a start of the generated worker refuses: its config's Validate, the worker's options, the plugin's CreateTask.</summary>
    private static List<string> StartVerdict(
        Dictionary<string, string> config,
        Assembly? compiled = null
    )
    {
        var types = (compiled ?? Compiled.Value).GetTypes();
        var configType = types.Single(t => t.GetMethod("Validate") is not null);
        var values = config.ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        values["name"] = "audit";
        var parsed = (ParsedConfig)configType.GetMethod("Validate")!.Invoke(null, [values, null])!;
        var keys = parsed.Issues.Select(i => i.Key).ToList();
        if (keys.Count == 0)
        {
            try
            {
                // The worker's road (ConnectorRegistration.ForValidated): the framework config, then the task.
                var connector = ConnectorConfig.Parse(
                    parsed
                        .Originals.Where(e => e.Value is not null)
                        .Select(e => KeyValuePair.Create(e.Key, e.Value!))
                );
                connector.ValidateSink();
                _ = connector.ToWorkerOptions(0, "127.0.0.1:9092", isSink: true);
                CreateTask(parsed.Originals, compiled ?? Compiled.Value);
            }
            catch (ConfigException e)
            {
                keys.Add(e.Key);
            }
            catch (ConfigValidationException e)
            {
                keys.AddRange(e.Issues.Select(i => i.Key));
            }
        }
        return [.. keys.Distinct().Order(StringComparer.Ordinal)];
    }

    private static void CreateTask(IReadOnlyDictionary<string, string?> config, Assembly compiled)
    {
        var sink = compiled
            .GetReferencedAssemblies()
            .Where(a => a.Name == ThirdPartyPlugin.AssemblyName)
            .Select(a =>
                System
                    .Runtime.Loader.AssemblyLoadContext.GetLoadContext(compiled)!
                    .LoadFromAssemblyName(a)
            )
            .Single()
            .GetType("Acme.Connectors.Audit.AuditSink", throwOnError: true)!;
        try
        {
            sink.GetMethod("CreateTask")!
                .MakeGenericMethod(typeof(string), typeof(string))
                .Invoke(null, [config]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
        }
    }

    /// <summary>The key a diagnostic names: the value's JSON path, or the missing key.</summary>
    private static string KeyOf(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (ValuePath().Match(message) is { Success: true } path)
        {
            return path.Groups[1].Value;
        }
        if (MissingKey().Match(message) is { Success: true } missing)
        {
            return missing.Groups[1].Value;
        }
        // KCN0218 at $.config: neither topics nor topics.regex.
        return diagnostic.Id == "KCN0218" ? "topics" : diagnostic.Id + ": " + message;
    }

    private static string SpecOf(Dictionary<string, string> config) =>
        JsonSerializer.Serialize(new { name = "audit", config });

    [GeneratedRegex(@"at \$\.config\['([^']+)'\]")]
    private static partial Regex ValuePath();

    [GeneratedRegex("the key \"([^\"]+)\" is required")]
    private static partial Regex MissingKey();
}
