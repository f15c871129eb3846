using System.Runtime.CompilerServices;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Testing;

namespace KConnector.Generator.Tests;

/// <summary>
/// Snapshots of the generated code for a representative set: every type and logical type
/// (Everything), a recursive record (TreeNode), cross-file references (Invoice), unions, enums.
/// The schemas are the ones the runtime tests compile and run (tests/KConnector.Tests/Avro/Schemas).
/// </summary>
public class AvroSnapshotTests
{
    private static string Schema(string name, [CallerFilePath] string here = "") =>
        File.ReadAllText(
            Path.Combine(
                Path.GetDirectoryName(here)!,
                "..",
                "..",
                "KConnector.Tests",
                "Avro",
                "Schemas",
                name
            )
        );

    private static GeneratorRun RunAll() =>
        new GeneratorHarness()
            .AddSchema("everything.avsc", Schema("everything.avsc"))
            .AddSchema("tree.avsc", Schema("tree.avsc"))
            .AddSchema("money.avsc", Schema("money.avsc"))
            .AddSchema("invoice.avsc", Schema("invoice.avsc"))
            .Run();

    [Theory]
    [InlineData("KConnector.Tests.Avro.Model.Everything")]
    [InlineData("KConnector.Tests.Avro.Model.Address")]
    [InlineData("KConnector.Tests.Avro.Model.Suit")]
    [InlineData("KConnector.Tests.Avro.Model.TreeNode")]
    [InlineData("KConnector.Tests.Avro.Billing.Invoice")]
    public void GeneratedCode_MatchesItsSnapshot(string type)
    {
        var run = RunAll();

        Assert.Empty(run.Diagnostics);
        SnapshotVerifier.Verify(run.Source(type + ".g.cs"), type[(type.LastIndexOf('.') + 1)..]);
    }

    [Fact]
    public void EveryTypeAndCrossFileReference_CompilesWithoutWarnings()
    {
        var run = RunAll();

        Assert.Empty(run.CompileProblems());
        // Fixed types map to byte[] (or decimal/duration), so they add no file of their own.
        Assert.DoesNotContain(run.HintNames, h => h.Contains("Md5", StringComparison.Ordinal));
    }

    [Fact]
    public void UserCode_SwitchesOverAGeneratedUnion()
    {
        var run = RunAll()
            .Output.AddSyntaxTrees(
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                    """
                    using KConnector.Tests.Avro.Model;
                    public static class Describe
                    {
                        public static string Payment(Everything e) => e.Payment switch
                        {
                            Everything.PaymentUnion.String s => "text " + s.Value,
                            Everything.PaymentUnion.Long l => "number " + l.Value,
                            Everything.PaymentUnion.Address a => "at " + a.Value.Street,
                            _ => "none",
                        };
                    }
                    """,
                    new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(
                        Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest
                    )
                )
            );

        Assert.Empty(
            run.GetDiagnostics()
                .Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
        );
    }

    [Fact]
    public void EveryTruncationAndMutationOfARichSchema_GivesDiagnosticsNeverAnException()
    {
        // The generator runs inside the compiler: whatever the file holds, it reports, never throws.
        var text = Schema("everything.avsc");
        var random = new Random(42);
        for (var i = 0; i < 60; i++)
        {
            var chars = text.ToCharArray();
            var length = random.Next(chars.Length);
            if (i % 2 == 1)
            {
                chars[random.Next(chars.Length)] = "{}[]\",:0a\"-"[random.Next(11)];
                length = chars.Length;
            }

            var run = new GeneratorHarness()
                .AddSchema("e.avsc", new string(chars, 0, length))
                .Run();

            Assert.Null(run.Result.Results.Single().Exception);
            Assert.DoesNotContain(run.Diagnostics, d => d.Id == "KCN0099" || d.Id == "AD0001");
        }
    }
}
