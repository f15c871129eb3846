using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KConnector.Interop.Tests;

/// <summary>
/// The schema text every generated Avro type registers (its <c>AvroSchemaJson</c>) parses in
/// avsc, and avsc's Parsing Canonical Form is the type's <c>AvroCanonicalForm</c> (same md5).
/// The corpus: this project's payment.avsc and every schema of tests/KConnector.Tests/Avro/Schemas
/// (linked here), hostile names and a type of the null namespace used from a namespace included
/// (issue 20, item 7: such a reference was written bare, which avsc reads as enclosing.Name).
/// </summary>
public class AvscParsesRegisteredSchemasTests
{
    [Fact]
    public async Task EveryRegisteredSchema_ParsesInAvsc_WithTheSameCanonicalForm()
    {
        var types = typeof(AvscParsesRegisteredSchemasTests)
            .Assembly.GetTypes()
            .Select(t =>
                (
                    Type: t,
                    Schema: t.GetProperty(
                        "AvroSchemaJson",
                        BindingFlags.Public | BindingFlags.Static
                    )
                )
            )
            .Where(x => x.Schema is not null && x.Type.GetField("AvroCanonicalForm") is not null)
            .ToDictionary(x => x.Type.FullName!, x => x.Type);
        // Sanity: the linked corpus is here (a glob that matched nothing would pass vacuously).
        Assert.Contains("KConnector.Tests.Avro.Model.Priced", types.Keys);
        Assert.Contains("event.int.class", types.Keys);
        Assert.True(types.Count >= 10, $"only {types.Count} generated Avro types found");

        var dir = await NodeModules.InstallAsync();
        var input = Path.Combine(dir, $"schemas-{Guid.NewGuid():N}.json");
        var output = Path.ChangeExtension(input, ".out.json");
        await File.WriteAllTextAsync(
            input,
            JsonSerializer.Serialize(types.ToDictionary(t => t.Key, t => Schema(t.Value)))
        );
        await NodeProcess.RunAsync(
            "node",
            $"avsc-parse.mjs \"{input}\" \"{output}\"",
            dir,
            TimeSpan.FromMinutes(2)
        );
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(output));

        var problems = new List<string>();
        foreach (var (name, type) in types)
        {
            var parsed = result.RootElement.GetProperty(name);
            if (parsed.GetProperty("error").GetString() is { } error)
            {
                problems.Add($"{name}: avsc cannot parse {Schema(type)}: {error}");
                continue;
            }
            var canonical = (string)type.GetField("AvroCanonicalForm")!.GetValue(null)!;
            var md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(canonical)));
            if (md5 != parsed.GetProperty("md5").GetString())
            {
                problems.Add($"{name}: avsc's canonical form differs from {canonical}");
            }
        }
        Assert.Empty(problems);
    }

    private static string Schema(Type type) =>
        (string)
            type.GetProperty("AvroSchemaJson", BindingFlags.Public | BindingFlags.Static)!
                .GetValue(null)!;
}
