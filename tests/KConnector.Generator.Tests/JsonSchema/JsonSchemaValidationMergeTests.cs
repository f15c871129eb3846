using System.Text.RegularExpressions;
using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.JsonSchema;

/// <summary>
/// Schemas that validate alike share one generated method: a wide record of plain strings does
/// not grow a method per property, while any keyword that differs keeps its own.
/// </summary>
public class JsonSchemaValidationMergeTests
{
    private const string Shipment = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Shipment",
          "type": "object",
          "required": ["id", "carrier", "street", "city", "country"],
          "properties": {
            "id": { "type": "string" },
            "carrier": { "type": "string" },
            "street": { "type": "string" },
            "city": { "type": "string" },
            "country": { "type": "string", "maxLength": 2 },
            "region": { "type": "string", "maxLength": 3 },
            "weight": { "type": "integer", "minimum": 0 },
            "parcels": { "type": "array", "items": { "type": "integer", "minimum": 0 } }
          },
          "additionalProperties": false
        }
        """;

    [Fact]
    public void AlikeSchemas_ShareOneMethod_DifferentKeywordsKeepTheirOwn()
    {
        var run = new GeneratorHarness().AddSchema("shipment.schema.json", Shipment).Run();
        var source = run.Source(run.HintNames.Single(n => n.EndsWith(".validation.g.cs")));

        // The record, one plain string (id, carrier, street, city), maxLength 2, maxLength 3,
        // one non-negative integer (weight and every parcel) and the array: 6 nodes, not 10.
        var nodes = Regex.Matches(source, @"private static bool N\d+\(").Count;
        Assert.Equal(6, nodes);
        Assert.Single(CallsOf(source, "id", "carrier", "street", "city").Distinct());
        Assert.NotEqual(CallsOf(source, "country").Single(), CallsOf(source, "region").Single());
        Assert.Empty(run.CompileProblems());
    }

    // The node method each property's value is checked by (`c.Enter("x"); ok = N7(...)`).
    private static IEnumerable<string> CallsOf(string source, params string[] properties) =>
        properties.Select(p =>
            Regex.Match(source, "c\\.Enter\\(\"" + p + "\"\\);\\s*ok = (N\\d+)\\(").Groups[1].Value
        );
}
