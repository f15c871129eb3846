using System.Collections.Immutable;
using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// A connector plugin KConnector knows nothing of: its own assembly (Acme.Connectors.Audit), compiled
/// with the KConnector generator as its project would be (which writes the descriptor's Definition),
/// written to disk as a package's lib folder holds it. Specs reference it as metadata only.
/// </summary>
internal static class ThirdPartyPlugin
{
    public const string AssemblyName = "Acme.Connectors.Audit";

    public const string Source = """
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Configuration;
        using KConnector.Plugins;
        using KConnector.Records;
        using KConnector.Tasks;
        using KConnector.Transforms;

        namespace Acme.Connectors.Audit;

        [ConnectPlugin("Acme.Connectors.Audit.AuditSink", PluginKind.Sink, Aliases = ["AuditSink"])]
        [ConfigKey("audit.file", ConfigType.String, Required = true, Documentation = "The file audit lines are appended to.")]
        [ConfigKey("audit.prefix", ConfigType.String, Default = "audit", Pattern = "[a-z]+", Documentation = "What each line starts with.")]
        [ConfigKey("audit.mode", ConfigType.String, Default = "plain", AllowedValues = ["plain", "signed"], Documentation = "plain or signed lines.")]
        [ConfigKey("audit.key", ConfigType.Password, RequiredWhenKey = "audit.mode", RequiredWhenValues = ["signed"], Documentation = "The signing key of signed lines.")]
        [ConfigKey("audit.batch", ConfigType.Int, Default = "10", Min = 1, Max = 1000, Documentation = "Lines per write.")]
        public static partial class AuditSink
        {
            public static AuditSinkTask<TKey, TValue> CreateTask<TKey, TValue>(IReadOnlyDictionary<string, string?> config)
            {
                ValidateAcrossKeys(config);
                var options = AuditSinkOptions.Parse(config);
                return new(options.AuditFile, options.AuditPrefix);
            }

            // A rule across keys no attribute states (Kafka Connect's Connector.validate): signed lines
            // are signed one by one, so a signed sink writes at most 100 per batch.
            public static void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> config)
            {
                var parsed = Definition.Parse(config);
                if (
                    string.Equals(parsed.Get<string>("audit.mode"), "signed", System.StringComparison.OrdinalIgnoreCase)
                    && parsed.Get<int>("audit.batch") > 100
                )
                {
                    parsed.AddIssue("audit.batch", "audit.mode=signed writes at most 100 lines per batch");
                }
                parsed.ThrowIfInvalid();
            }
        }

        // The package's options, typed from the descriptor's keys as the built-in connectors' are.
        public enum AuditMode { Plain, Signed }

        [KConnector.Configuration.Framework.TypedConfigKeys(typeof(AuditSink))]
        public sealed partial record AuditSinkOptions
        {
            public AuditMode AuditMode { get; init; }

            public static AuditSinkOptions Parse(IReadOnlyDictionary<string, string?> config) =>
                new(AuditSink.Definition.Parse(config).ThrowIfInvalid());
        }

        // A descriptor whose CreateTask the worker cannot call (not generic): specs naming it fail (KCN0247).
        [ConnectPlugin("Acme.Connectors.Audit.BrokenSink", PluginKind.Sink)]
        public static partial class BrokenSink
        {
            public static object CreateTask(string config) => config;
        }

        // A transformation and a predicate of the package: specs name them, the worker runs them.
        [ConnectPlugin("Acme.Connectors.Audit.Shout", PluginKind.Transformation, Aliases = ["Shout"])]
        [ConfigKey("suffix", ConfigType.String, Default = "!", Documentation = "Appended to each value.")]
        public static partial class Shout
        {
            public static ITransformation Create(ParsedConfig config) => new ShoutTransformation(config.Get<string>("suffix")!);
        }

        public sealed class ShoutTransformation(string suffix) : ITransformation
        {
            public ConnectRecord<TKey, TValue>? Apply<TKey, TValue>(ConnectRecord<TKey, TValue> record) =>
                record.Value is string text ? record with { Value = (TValue)(object)(text.ToUpperInvariant() + suffix) } : record;
        }

        [ConnectPlugin("Acme.Connectors.Audit.ValueEndsWith", PluginKind.Predicate, Aliases = ["ValueEndsWith"])]
        [ConfigKey("suffix", ConfigType.String, Required = true, Documentation = "The ending that matches.")]
        public static partial class ValueEndsWith
        {
            public static IPredicate Create(ParsedConfig config) => new ValueEndsWithPredicate(config.Get<string>("suffix")!);
        }

        public sealed class ValueEndsWithPredicate(string suffix) : IPredicate
        {
            public bool Test<TKey, TValue>(ConnectRecord<TKey, TValue> record) =>
                record.Value is string text && text.EndsWith(suffix, System.StringComparison.Ordinal);
        }

        // A converter of the package: strings in a Caesar cipher (each letter shifted by "shift").
        [ConnectPlugin("Acme.Connectors.Audit.CaesarConverter", PluginKind.Converter, Aliases = ["CaesarConverter", "Caesar"], Carries = ConverterRecordTypes.String)]
        [ConfigKey("shift", ConfigType.Int, Default = "1", Min = 0, Max = 25, Documentation = "How far each letter is shifted.")]
        public static partial class CaesarConverter
        {
            public static KConnector.Converters.IConverter<T>? Create<T>(KConnector.Converters.ConverterContext<T> context) =>
                context.Carrying(() => new CaesarStringConverter(context.Parse(Definition).Get<int>("shift")));
        }

        public sealed class CaesarStringConverter(int shift) : KConnector.Converters.IConverter<string>
        {
            public byte[]? FromConnectData(string topic, string? value) =>
                value is null ? null : System.Text.Encoding.UTF8.GetBytes(Shift(value, shift));

            public string? ToConnectData(string topic, byte[]? data) =>
                data is null ? null : Shift(System.Text.Encoding.UTF8.GetString(data), 26 - shift);

            private static string Shift(string text, int by) =>
                string.Concat(System.Linq.Enumerable.Select(text, c => c is >= 'a' and <= 'z' ? (char)('a' + (c - 'a' + by) % 26) : c));
        }

        public sealed class AuditSinkTask<TKey, TValue>(string file, string prefix) : ISinkTask<TKey, TValue>
        {
            public ValueTask PutAsync(IReadOnlyList<SinkRecord<TKey, TValue>> records, CancellationToken cancellationToken)
            {
                foreach (var record in records)
                {
                    File.AppendAllText(file, prefix + ":" + record.Value + "\n");
                }
                return ValueTask.CompletedTask;
            }

            public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
        }
        """;

    private static readonly Lazy<string> Built = new(() => Build(AssemblyName, Source));

    /// <summary>The plugin's dll, built once per test run.</summary>
    public static string Path => Built.Value;

    public static MetadataReference Reference => MetadataReference.CreateFromFile(Path);

    /// <summary>Compiles <paramref name="source"/> with the KConnector generator into a dll of its own folder; returns its path.</summary>
    internal static string Build(string assemblyName, string source)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            GeneratorHarness.BaseReferences,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable
            )
        );
        CSharpGeneratorDriver
            .Create(
                [new KConnectorGenerator().AsSourceGenerator()],
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest)
            )
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var folder = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "kconnector-plugin-" + Guid.NewGuid().ToString("N")
        );
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, assemblyName + ".dll");
        var result = output.Emit(path);
        var errors = diagnostics
            .Concat(result.Diagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToImmutableArray();
        if (!result.Success || errors.Length > 0)
        {
            throw new InvalidOperationException(
                "the plugin does not compile: " + string.Join("\n", errors)
            );
        }
        return path;
    }
}
