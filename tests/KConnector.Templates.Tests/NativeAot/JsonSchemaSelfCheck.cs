namespace KConnector.Templates.Tests.NativeAot;

/// <summary>
/// What the Native AOT test adds to the template's (Avro) project so that the one binary also runs
/// the JSON Schema converter with compiled validation: a schema whose keywords the generator
/// compiles, and a hosted service that, at start, writes and reads a record through
/// JsonSchemaConverter (built from its descriptor, as a connector's value.converter is), has an
/// invalid one refused, and reads a record framed with a writer's schema that is not the type's own.
/// Each outcome is one log line the test asserts.
/// </summary>
internal static class JsonSchemaSelfCheck
{
    public const string SchemaFile = "Schemas/shipment.schema.json";

    public const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Shipment",
          "type": "object",
          "additionalProperties": false,
          "required": ["shipment_id", "quantity", "carrier"],
          "properties": {
            "shipment_id": { "type": "string", "pattern": "^S-[0-9]+$" },
            "quantity": { "type": "integer", "minimum": 1, "maximum": 1000 },
            "carrier": { "type": "string", "minLength": 2, "maxLength": 20 },
            "note": { "type": ["string", "null"] }
          }
        }
        """;

    public const string SourceFile = "ShipmentSchemaCheck.cs";

    public const string Source = """"
        using System.Text;
        using KConnector.Converters;
        using KConnector.JsonSchema;
        using KConnector.SchemaRegistry;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;

        namespace Shop.Orders;

        public sealed class ShipmentSchemaCheck(ILogger<ShipmentSchemaCheck> logger) : IHostedService
        {
            private const string Topic = "shipments";

            public async Task StartAsync(CancellationToken cancellationToken)
            {
                var converter = ConverterFactory.Create(
                    "io.confluent.connect.json.JsonSchemaConverter",
                    new Dictionary<string, string> { ["schema.registry.url"] = "mock://shipment-check" },
                    isKey: false,
                    ConverterFormats.JsonSchemaRecord<Shipment>()
                );
                var bytes = converter.FromConnectData(
                    Topic,
                    new Shipment { ShipmentId = "S-42", Quantity = 3, Carrier = "dhl" }
                )!;
                var back = converter.ToConnectData(Topic, bytes)!;
                logger.LogInformation(
                    "json-schema check: compiled {Compiled}, round trip {Id}/{Quantity}/{Carrier} as {Json}",
                    CompiledJsonSchemaValidator.IsCompiled<Shipment>(),
                    back.ShipmentId,
                    back.Quantity,
                    back.Carrier,
                    Encoding.UTF8.GetString(bytes.AsSpan(5))
                );
                try
                {
                    converter.FromConnectData(
                        Topic,
                        new Shipment { ShipmentId = "X-1", Quantity = 0, Carrier = "dhl" }
                    );
                    logger.LogError("json-schema check: an invalid shipment was written");
                }
                catch (JsonSchemaValidationException e)
                {
                    logger.LogInformation("json-schema check: refused {Errors}", string.Join(" ", e.Errors));
                }

                // A record another producer wrote with a schema of its own (another id): checked
                // against Shipment's compiled schema when the binary has no schema library.
                var registry = new MockSchemaRegistryClient("shipment-check");
                var otherId = await registry.RegisterSchemaAsync(
                    "other-shipments-value",
                    new Schema("""{"type":"object","title":"OtherShipment"}""", SchemaType.Json),
                    cancellationToken
                );
                try
                {
                    converter.ToConnectData(Topic, Framed(otherId, """{"shipment_id":"S-7","quantity":5000,"carrier":"ups"}"""));
                    logger.LogInformation("json-schema check: foreign writer accepted");
                }
                catch (JsonSchemaValidationException e)
                {
                    logger.LogInformation("json-schema check: foreign writer refused {Errors}", string.Join(" ", e.Errors));
                }
            }

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            private static byte[] Framed(int id, string json)
            {
                var body = Encoding.UTF8.GetBytes(json);
                var framed = new byte[5 + body.Length];
                framed[1] = (byte)(id >> 24);
                framed[2] = (byte)(id >> 16);
                framed[3] = (byte)(id >> 8);
                framed[4] = (byte)id;
                body.CopyTo(framed, 5);
                return framed;
            }
        }
        """";

    /// <summary>Program.cs's line the check is registered before (hosted services start in order).</summary>
    public const string ProgramAnchor = "builder.Services.AddHostedService<ProgressReporter>();";

    /// <summary>Adds the schema and the check to the project in <paramref name="directory"/>.</summary>
    public static void AddTo(string directory)
    {
        File.WriteAllText(Path.Combine(directory, SchemaFile), Schema);
        File.WriteAllText(Path.Combine(directory, SourceFile), Source);
        var program = Path.Combine(directory, "Program.cs");
        var text = File.ReadAllText(program);
        Assert.Contains(ProgramAnchor, text, StringComparison.Ordinal);
        File.WriteAllText(
            program,
            text.Replace(
                ProgramAnchor,
                "builder.Services.AddHostedService<Shop.Orders.ShipmentSchemaCheck>();\n"
                    + ProgramAnchor,
                StringComparison.Ordinal
            )
        );
    }
}
