using KConnector.Generator.Tests.Infrastructure;
using KConnector.Testing;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>
/// Protobuf keys and values: a spec's .proto schema and an attribute's protoc-generated type (both
/// compiled by protoc into this test assembly, which the harness references) get a worker that
/// registers the .proto file's own text; what cannot be resolved is a diagnostic, never a crash.
/// </summary>
public class ProtobufConnectorTests
{
    // FileStreamSink writes JSON lines of its values (.avsc records) and takes any key type.
    private static string Spec(string keySchema, string converter = "") =>
        "{\n  \"name\": \"readings-file-sink\",\n  \"config\": {\n"
        + "    \"connector.class\": \"FileStreamSink\",\n"
        + "    \"topics\": \"readings\",\n"
        + "    \"file\": \"out/readings.jsonl\",\n"
        + "    \"value.schema\": \"order.avsc\",\n"
        + converter
        + $"    \"key.schema\": \"{keySchema}\"\n"
        + "  }\n}\n";

    private const string ProtobufConverterLine =
        "    \"key.converter\": \"io.confluent.connect.protobuf.ProtobufConverter\",\n"
        + "    \"key.converter.schema.registry.url\": \"mock://shop\",\n";

    private static string AttributeSink(string valueType) =>
        $$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using KConnector.Connectors;
            using KConnector.Records;

            namespace Shop.Connectors;

            [SinkConnector("alarm-sink", Topics = "alarms", ValueType = typeof({{valueType}}), ValueConverter = "io.confluent.connect.protobuf.ProtobufConverter")]
            public partial class AlarmSink
            {
                public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, {{valueType}}>> records, CancellationToken cancellationToken) => default;
            }
            """;

    [Theory]
    [InlineData("Worker")]
    [InlineData("Protobuf")]
    public void SpecSink_ProtoKey(string part)
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("schemas/telemetry.proto", Schemas.Telemetry)
            .AddSchema(
                "readings.connector.json",
                Spec("schemas/telemetry.proto", ProtobufConverterLine)
            )
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        SnapshotVerifier.Verify(
            run.Source($"KConnector.Generated.ReadingsFileSink.{part}.g.cs"),
            "Connector.SpecProtobufKeySink." + part
        );
    }

    [Fact]
    public void SpecProtoKey_IsTheFirstTopLevelMessage_WithTheProtobufConverterByDefault()
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("telemetry.proto", Schemas.Telemetry)
            .AddSchema("readings.connector.json", Spec("telemetry.proto"))
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var worker = run.Source("KConnector.Generated.ReadingsFileSink.Worker.g.cs");
        // protoc's namespace of package shop.telemetry_events, and the file's first message.
        Assert.Contains(
            "ConverterFormats.ProtobufMessage<global::Shop.TelemetryEvents.Reading>(KeyProtoSchema)",
            worker,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "keys through the ProtobufConverter by default",
            worker,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SpecProtoValue_OfAConnectorWritingJson_IsNotSupportedYet()
    {
        var spec =
            "{\n  \"name\": \"readings-file-sink\",\n  \"config\": {\n"
            + "    \"connector.class\": \"FileStreamSink\",\n"
            + "    \"topics\": \"readings\",\n"
            + "    \"file\": \"out/readings.jsonl\",\n"
            + "    \"value.schema\": \"telemetry.proto\"\n"
            + "  }\n}\n";
        var run = new GeneratorHarness()
            .AddSchema("telemetry.proto", Schemas.Telemetry)
            .AddSchema("readings.connector.json", spec)
            .Run();

        var problem = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0210", problem.Id);
        Assert.Equal(7, problem.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(
            "a Protobuf message as the value of",
            problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void AttributeProtobufType_GetsTheTextOfTheProtoThatDeclaresIt()
    {
        var run = new GeneratorHarness()
            .AddSchema("telemetry.proto", Schemas.Telemetry)
            .AddSource(AttributeSink("Shop.TelemetryEvents.Alarm"))
            .Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        var protobuf = run.Source("Shop.Connectors.AlarmSink.Protobuf.g.cs");
        Assert.Contains(
            "public const string ValueProtoSchema = "
                + KConnector.Generator.Emit.CSharpLiteral.Quote(Schemas.Telemetry, false),
            protobuf,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("Shop.TelemetryEvents.Alarm", false)]
    [InlineData("Shop.TelemetryEvents.Reading.Types.Calibration", true)]
    public void AttributeProtobufType_WithoutItsProto_NamesTheTypeAndTheFix(
        string type,
        bool protoAdded
    )
    {
        var harness = new GeneratorHarness().AddSource(AttributeSink(type));
        if (protoAdded)
        {
            harness.AddSchema("telemetry.proto", Schemas.Telemetry);
        }
        var run = harness.Run();

        var problem = Assert.Single(run.Diagnostics);
        var message = problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("KCN0245", problem.Id);
        Assert.Equal(DiagnosticSeverity.Error, problem.Severity);
        Assert.Contains(
            "the value type " + type + " is a Protobuf message",
            message,
            StringComparison.Ordinal
        );
        Assert.Contains("<Protobuf Include=", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("syntax = \"proto3\";\n/* never closed\nmessage A {}\n", 2, "comment")]
    [InlineData("syntax = \"proto3\";\nmessage A {\n  string a = 1;\n", 2, "never closed")]
    [InlineData("syntax = \"proto3\";\nmessage A {}\n}\n", 3, "closes no")]
    [InlineData("syntax = \"proto3;\nmessage A {}\n", 1, "string")]
    public void UnreadableProto_IsReportedAtItsLine(string text, int line, string why)
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("broken.proto", text)
            .AddSchema("readings.connector.json", Spec("broken.proto"))
            .Run();

        var problem = Assert.Single(run.Diagnostics);
        var message = problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("KCN0244", problem.Id);
        Assert.EndsWith(
            "broken.proto",
            problem.Location.GetLineSpan().Path,
            StringComparison.Ordinal
        );
        Assert.Equal(line, problem.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.StartsWith($"broken.proto, line {line}", message, StringComparison.Ordinal);
        Assert.Contains(why, message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProtoWithoutMessages_IsReported()
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("enums.proto", "syntax = \"proto3\";\nenum Color { RED = 0; }\n")
            .AddSchema("readings.connector.json", Spec("enums.proto"))
            .Run();

        var problem = Assert.Single(run.Diagnostics);
        Assert.Equal("KCN0213", problem.Id);
        Assert.Contains(
            "declares no top-level message",
            problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("package shop.order_events.v1;", "Shop.OrderEvents.V1")]
    [InlineData("package a2b.x__y;", "A2B.XY")]
    [InlineData("package shop;\noption csharp_namespace = \"My.Shop\";", "My.Shop")]
    [InlineData("", "")]
    public void ProtoNamespace_IsProtocs(string declarations, string expected)
    {
        var proto = KConnector.Generator.Connectors.ProtoFileReader.Read(
            "syntax = \"proto3\";\n" + declarations + "\nmessage order_line { string a = 1; }\n"
        );

        Assert.Null(proto.Problem);
        Assert.Equal(expected, proto.CSharpNamespace);
        // Message names are kept as written.
        Assert.Equal(
            expected.Length == 0 ? "order_line" : expected + ".order_line",
            proto.FullNameOf(proto.Messages[0])
        );
    }
}
