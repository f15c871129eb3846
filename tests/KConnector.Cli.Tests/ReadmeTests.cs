using System.Collections.Immutable;
using System.Text.RegularExpressions;
using KConnector.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Cli.Tests;

/// <summary>
/// The README's "three ways in" snippets, compiled together as one project would be: the spec and
/// schema go to KConnector's generator as additional files, the C# files to the compiler. A snippet
/// that stops compiling (or a spec the generator rejects) fails here. And the quickstart's specs the
/// README shows are the files the demo runs.
/// </summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void ThreeWaysIn_Snippets_CompileWithTheGenerator_WithoutDiagnostics()
    {
        var snippets = Snippets();
        Assert.Equal(
            ["ContactsSink.cs", "Program.cs", "order.avsc", "orders-file-sink.connector.json"],
            snippets.Keys.Order(StringComparer.Ordinal)
        );
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var sources = snippets
            .Where(s => s.Key.EndsWith(".cs", StringComparison.Ordinal))
            .Select(s => CSharpSyntaxTree.ParseText(s.Value, parse, "/readme/" + s.Key))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "/readme/Usings.cs"));
        var additional = snippets
            .Where(s => !s.Key.EndsWith(".cs", StringComparison.Ordinal))
            .Select(s => (AdditionalText)new SnippetText("/readme/" + s.Key, s.Value))
            .ToImmutableArray();
        var compilation = CSharpCompilation.Create(
            "Readme",
            sources,
            References(),
            new CSharpCompilationOptions(
                OutputKind.ConsoleApplication,
                nullableContextOptions: NullableContextOptions.Enable
            )
        );

        CSharpGeneratorDriver
            .Create(
                [new KConnectorGenerator().AsSourceGenerator()],
                additional,
                parse,
                new ProjectOptions("Shop")
            )
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generated);

        Assert.Empty(generated.Select(d => d.ToString()));
        Assert.Empty(
            output
                .GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .Select(d => d.ToString())
        );
        Assert.NotNull(output.GetTypeByMetadataName("Shop.OrdersFileSinkWorker"));
        Assert.NotNull(output.GetTypeByMetadataName("ContactsSinkWorker"));
    }

    [Fact]
    public void WhatTheQuickstartDoes_ShowsTheQuickstartsSpecs_AsTheyAre()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root(), "README.md"));
        var shown = QuickstartSpec()
            .Matches(readme)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value);

        Assert.Equal(
            ["orders-file-source.connector.json", "orders-sqlite-sink.connector.json"],
            shown.Keys.Order(StringComparer.Ordinal)
        );
        foreach (var (name, text) in shown)
        {
            var file = Path.Combine(Repository.Root(), "src", "KConnector.Quickstart", name);
            Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), text);
        }
    }

    // What <ImplicitUsings>enable</ImplicitUsings> gives a console project.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.Extensions.DependencyInjection;
        """;

    private static Dictionary<string, string> Snippets()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root(), "README.md"));
        return Snippet()
            .Matches(readme)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value);
    }

    [GeneratedRegex(
        @"<!-- readme-compile: (?<name>\S+) -->\s*```\w*\n(?<code>.*?)```",
        RegexOptions.Singleline
    )]
    private static partial Regex Snippet();

    [GeneratedRegex(
        @"<!-- readme-quickstart: (?<name>\S+) -->\s*```\w*\n(?<code>.*?)```",
        RegexOptions.Singleline
    )]
    private static partial Regex QuickstartSpec();

    private static IEnumerable<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .ToList();
        paths.Add(typeof(KConnector.Records.SinkRecord<,>).Assembly.Location);
        paths.Add(typeof(KConnector.Connectors.File.JsonLinesFileSinkTask<,>).Assembly.Location);
        paths.Add(typeof(Microsoft.Extensions.Hosting.Host).Assembly.Location);
        return paths.Distinct().Select(p => MetadataReference.CreateFromFile(p));
    }

    /// <summary>The MSBuild properties the compiler passes a generator: here only RootNamespace.</summary>
    private sealed class ProjectOptions(string rootNamespace) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(rootNamespace);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(null);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(null);

        private sealed class Options(string? rootNamespace) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = rootNamespace ?? string.Empty;
                return rootNamespace is not null && key == "build_property.RootNamespace";
            }
        }
    }

    private sealed class SnippetText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            SourceText.From(text);
    }
}
