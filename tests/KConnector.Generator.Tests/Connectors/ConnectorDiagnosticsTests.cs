using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>
/// The corpus of malformed specs and attribute uses: each gets its diagnostic id on the right line,
/// with the file and JSON path (or member) in the message, and the generator never throws.
/// </summary>
public class ConnectorDiagnosticsTests
{
    /// <summary>A file sink spec whose config holds <paramref name="extra"/> from line 8 on.</summary>
    private static string Spec(params string[] extra) =>
        "{\n"
        + "  \"name\": \"bad-spec\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \"FileStreamSink\",\n"
        + "    \"topics\": \"orders\",\n"
        + "    \"file\": \"out.jsonl\",\n"
        + "    \"value.schema\": \"order.avsc\""
        + string.Concat(extra.Select(e => ",\n    " + e))
        + "\n  }\n}\n";

    public static TheoryData<string, string, string, int, string> MalformedSpecs =>
        new()
        {
            // name, spec text, expected id, expected 1-based line, text the message must contain
            {
                "truncated JSON",
                "{\n  \"name\": \"x\",\n  \"config\": {\n",
                "KCN0200",
                4,
                "not valid JSON"
            },
            {
                "trailing comma",
                "{\n  \"name\": \"x\",\n  \"config\": {},\n}",
                "KCN0200",
                4,
                "property name"
            },
            { "root is an array", "[\n  1\n]", "KCN0203", 1, "must be an object" },
            {
                "no name",
                "{\n  \"config\": {\"connector.class\": \"FileStreamSink\"}\n}",
                "KCN0201",
                1,
                "\"name\" is required"
            },
            { "no config", "{\n  \"name\": \"x\"\n}", "KCN0201", 1, "\"config\" is required" },
            {
                "misspelt top-level key",
                "{\n  \"name\": \"x\",\n  \"conifg\": {}\n}",
                "KCN0202",
                3,
                "Did you mean \"config\"?"
            },
            {
                "misspelt config key",
                Spec("\"tasks.maxx\": 2"),
                "KCN0202",
                8,
                "Did you mean \"tasks.max\"?"
            },
            {
                "tasks.max is a word",
                Spec("\"tasks.max\": \"two\""),
                "KCN0203",
                8,
                "$.config['tasks.max']: \"tasks.max\" must be a 32-bit integer"
            },
            { "tasks.max zero", Spec("\"tasks.max\": 0"), "KCN0217", 8, "must be at least 1" },
            {
                "errors.tolerance unknown",
                Spec("\"errors.tolerance\": \"some\""),
                "KCN0206",
                8,
                "expected one of none, all"
            },
            {
                "errors.tolerance misspelt",
                Spec("\"errors.tolerance\": \"nonee\""),
                "KCN0206",
                8,
                "Did you mean \"none\"?"
            },
            {
                "DLQ without tolerance all",
                Spec("\"errors.deadletterqueue.topic.name\": \"orders-dlq\""),
                "KCN0207",
                8,
                "errors.tolerance is \"none\""
            },
            {
                "DLQ with tolerance none",
                Spec(
                    "\"errors.tolerance\": \"none\"",
                    "\"errors.deadletterqueue.topic.name\": \"dlq\""
                ),
                "KCN0207",
                9,
                "set errors.tolerance to \"all\""
            },
            {
                "schema file missing",
                Spec("\"key.schema\": \"schemas/missing.avsc\""),
                "KCN0204",
                8,
                "/project/schemas/missing.avsc"
            },
            {
                "String converter with a record",
                Spec("\"value.converter\": \"org.apache.kafka.connect.storage.StringConverter\""),
                "KCN0205",
                8,
                "cannot carry the value record Shop.Orders.Order (from an .avsc file)"
            },
            {
                "Avro converter without a key schema",
                Spec("\"key.converter\": \"io.confluent.connect.avro.AvroConverter\""),
                "KCN0205",
                8,
                "the AvroConverter cannot carry a string key"
            },
            {
                "unknown connector class",
                "{\n  \"name\": \"x\",\n  \"config\": {\n    \"connector.class\": \"FileStreamSinc\"\n  }\n}",
                "KCN0208",
                4,
                "Did you mean \"FileStreamSink\"?"
            },
            {
                "unknown connector class: every built-in connector is listed",
                "{\n  \"name\": \"x\",\n  \"config\": {\n    \"connector.class\": \"Nope\"\n  }\n}",
                "KCN0208",
                4,
                "io.confluent.connect.http.HttpSinkConnector, io.confluent.connect.http.HttpSourceConnector"
            },
            {
                "unknown connector class: Elasticsearch and the JDBC source are listed",
                "{\n  \"name\": \"x\",\n  \"config\": {\n    \"connector.class\": \"Nope\"\n  }\n}",
                "KCN0208",
                4,
                "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector"
            },
            {
                "misspelt converter",
                Spec("\"value.converter\": \"io.confluent.connect.avro.AvroConvertr\""),
                "KCN0209",
                8,
                "Did you mean \"io.confluent.connect.avro.AvroConverter\"?"
            },
            {
                "converter setting that is not a boolean",
                Spec(
                    "\"value.converter\": \"JsonConverter\"",
                    "\"value.converter.schemas.enable\": \"yes\""
                ),
                "KCN0203",
                9,
                "\"value.converter.schemas.enable\" must be true or false"
            },
            {
                "converter setting misspelt: the converter's own settings are suggested",
                Spec(
                    "\"value.converter\": \"JsonConverter\"",
                    "\"value.converter.schemas.enabled\": false"
                ),
                "KCN0280",
                9,
                "Did you mean \"value.converter.schemas.enable\"?"
            },
            {
                "setting no converter has, for the converter the value gets (AvroConverter for an .avsc record)",
                Spec("\"value.converter.schemas.enabled\": false"),
                "KCN0280",
                8,
                "the value.converter io.confluent.connect.avro.AvroConverter, which takes value.converter.schema.registry.url"
            },
            {
                "transform type misspelled",
                Spec("\"transforms\": \"route\"", "\"transforms.route.type\": \"RegexRoutr\""),
                "KCN0260",
                9,
                "Did you mean \"RegexRouter\"?"
            },
            {
                "Kafka Connect transform misspelled: the simple names are compared",
                Spec(
                    "\"transforms\": \"mask\"",
                    "\"transforms.mask.type\": \"org.apache.kafka.connect.transforms.MaskFields$Value\""
                ),
                "KCN0260",
                9,
                "Did you mean \"MaskField$Value\"?"
            },
            {
                "compiled ExtractField of a string field on a SQL sink's value (its task takes a record)",
                Spec(
                        "\"transforms\": \"x\"",
                        "\"transforms.x.type\": \"org.apache.kafka.connect.transforms.ExtractField$Value\"",
                        "\"transforms.x.field\": \"order_id\""
                    )
                    .Replace(
                        "\"FileStreamSink\"",
                        "\"io.confluent.connect.jdbc.JdbcSinkConnector\""
                    )
                    .Replace(
                        "\"file\": \"out.jsonl\"",
                        "\"connection.url\": \"jdbc:sqlite:orders.db\""
                    ),
                "KCN0258",
                10,
                "the task of KConnector.Connectors.Sql.SqlSink takes a record"
            },
            {
                "a $Key stage other than a whole Cast, HoistField or SetSchemaMetadata on a string key",
                Spec(
                    "\"transforms\": \"key\"",
                    "\"transforms.key.type\": \"TimestampConverter$Key\"",
                    "\"transforms.key.target.type\": \"unix\"",
                    "\"transforms.key.format\": \"yyyy-MM-dd\""
                ),
                "KCN0258",
                9,
                "only a whole-value Cast, HoistField and SetSchemaMetadata are compiled"
            },
            {
                "predicate type given as a transform",
                Spec("\"transforms\": \"t\"", "\"transforms.t.type\": \"RecordIsTombstone\""),
                "KCN0260",
                9,
                "not a known transformation"
            },
            {
                "undefined predicate",
                Spec(
                    "\"transforms\": \"f\"",
                    "\"transforms.f.type\": \"Filter\"",
                    "\"transforms.f.predicate\": \"isTombstne\"",
                    "\"predicates\": \"isTombstone\"",
                    "\"predicates.isTombstone.type\": \"RecordIsTombstone\""
                ),
                "KCN0261",
                10,
                "Did you mean \"isTombstone\"?"
            },
            {
                "unknown key of a transform",
                Spec(
                    "\"transforms\": \"route\"",
                    "\"transforms.route.type\": \"RegexRouter\"",
                    "\"transforms.route.regexp\": \"a\"",
                    "\"transforms.route.replacement\": \"b\""
                ),
                "KCN0262",
                10,
                "Did you mean \"regex\"?"
            },
            {
                "regex that does not compile",
                Spec(
                    "\"transforms\": \"route\"",
                    "\"transforms.route.type\": \"RegexRouter\"",
                    "\"transforms.route.regex\": \"(unclosed\"",
                    "\"transforms.route.replacement\": \"b\""
                ),
                "KCN0263",
                10,
                "\"(unclosed\" is not a regular expression that compiles"
            },
            {
                "predicate pattern that does not compile",
                Spec(
                    "\"predicates\": \"p\"",
                    "\"predicates.p.type\": \"TopicNameMatches\"",
                    "\"predicates.p.pattern\": \"[a-\""
                ),
                "KCN0263",
                10,
                "is not a regular expression that compiles"
            },
            {
                "a schema-changing stage under TopicNameMatches on a sink whose topics decide it apart",
                "{\n  \"name\": \"x\",\n  \"config\": {\n    \"connector.class\": \"FileStreamSink\", \"topics\": \"orders,refunds\", \"file\": \"f\", \"value.schema\": \"order.avsc\",\n    \"transforms\": \"drop\",\n    \"transforms.drop.type\": \"ReplaceField$Value\",\n    \"transforms.drop.exclude\": \"note\", \"transforms.drop.predicate\": \"o\",\n    \"predicates\": \"o\", \"predicates.o.type\": \"TopicNameMatches\", \"predicates.o.pattern\": \"ord.*\"\n  }\n}",
                "KCN0258",
                6,
                "of the topics the sink reads, orders match and refunds do not, so its records would need two output schemas"
            },
            {
                "a compiled stage under HasHeaderKey",
                Spec(
                    "\"transforms\": \"drop\"",
                    "\"transforms.drop.type\": \"ReplaceField$Value\"",
                    "\"transforms.drop.exclude\": \"note\"",
                    "\"transforms.drop.predicate\": \"h\"",
                    "\"predicates\": \"h\"",
                    "\"predicates.h.type\": \"HasHeaderKey\"",
                    "\"predicates.h.name\": \"pii\""
                ),
                "KCN0258",
                9,
                "\"drop\" has a predicate (HasHeaderKey), which reads the record's headers"
            },
            {
                "key of an alias transforms does not list",
                Spec(
                    "\"transforms\": \"route\"",
                    "\"transforms.route.type\": \"Filter\"",
                    "\"transforms.rout.type\": \"Filter\""
                ),
                "KCN0264",
                10,
                "Did you mean \"route\"?"
            },
            {
                "transform lacking a required key",
                Spec(
                    "\"transforms\": \"route\"",
                    "\"transforms.route.type\": \"RegexRouter\"",
                    "\"transforms.route.regex\": \"a\""
                ),
                "KCN0265",
                9,
                "\"transforms.route.replacement\" is required"
            },
            {
                "transform without its type",
                Spec("\"transforms\": \"route\""),
                "KCN0265",
                8,
                "\"transforms.route.type\" is required"
            },
            {
                "negate without a predicate",
                Spec(
                    "\"transforms\": \"f\"",
                    "\"transforms.f.type\": \"Filter\"",
                    "\"transforms.f.negate\": true"
                ),
                "KCN0266",
                10,
                "has no predicate to negate"
            },
            {
                "duplicate alias",
                Spec("\"transforms\": \"f,f\"", "\"transforms.f.type\": \"Filter\""),
                "KCN0267",
                8,
                "lists the alias \"f\" twice"
            },
            {
                "transform value of the wrong type",
                Spec(
                    "\"transforms\": \"h\"",
                    "\"transforms.h.type\": \"DropHeaders\"",
                    "\"transforms.h.headers\": {}"
                ),
                "KCN0203",
                10,
                "\"transforms.h.headers\" must be"
            },
            {
                "topic instead of topics",
                Spec("\"topic\": \"orders\""),
                "KCN0202",
                8,
                "Did you mean \"topics\"?"
            },
            {
                "topics and topics.regex",
                Spec("\"topics.regex\": \"orders.*\""),
                "KCN0218",
                5,
                "not both"
            },
            { "duplicate key", Spec("\"file\": \"other.jsonl\""), "KCN0214", 8, "more than once" },
            {
                "invalid name",
                "{\n  \"name\": \"orders sink!\",\n  \"config\": {\"connector.class\": \"FileStreamSink\", \"topics\": \"t\", \"file\": \"f\", \"value.schema\": \"order.avsc\"}\n}",
                "KCN0215",
                2,
                "orders sink!"
            },
            {
                "boolean as yes",
                Spec("\"errors.log.enable\": \"yes\""),
                "KCN0203",
                8,
                "must be true or false"
            },
            {
                "config name differs",
                Spec("\"name\": \"other\""),
                "KCN0203",
                8,
                "the spec's name \"bad-spec\""
            },
            {
                "Protobuf schema not among the project's files",
                Spec("\"key.schema\": \"order.proto\""),
                "KCN0204",
                8,
                "/project/order.proto"
            },
            {
                "schema file of another language",
                Spec("\"key.schema\": \"order.xsd\""),
                "KCN0213",
                8,
                "neither an Avro schema (.avsc), a JSON Schema (.schema.json)"
            },
            {
                "schema file yields no type",
                Spec("\"key.schema\": \"broken.avsc\"", "\"key.converter\": \"Avro\""),
                "KCN0213",
                8,
                "yields no generated record type"
            },
            {
                "name is a number",
                "{\n  \"name\": 42,\n  \"config\": {\"connector.class\": \"FileStreamSink\"}\n}",
                "KCN0203",
                2,
                "the number 42"
            },
            {
                "no connector.class",
                "{\n  \"name\": \"x\",\n  \"config\": {\n    \"topics\": \"t\"\n  }\n}",
                "KCN0201",
                3,
                "connector.class"
            },
            {
                "retry timeout below -1",
                Spec("\"errors.retry.timeout\": \"-5\""),
                "KCN0217",
                8,
                "at least -1"
            },
            { "list of numbers", Spec("\"transforms\": [1, 2]"), "KCN0203", 8, "an array" },
        };

    public static TheoryData<string, string, string, string> MalformedSpecsWithoutRequiredKeys =>
        new()
        {
            {
                "sink without topics",
                "{\n  \"name\": \"x\",\n  \"config\": {\"connector.class\": \"FileStreamSink\", \"file\": \"f\", \"value.schema\": \"order.avsc\"}\n}",
                "KCN0218",
                "neither is given"
            },
            {
                "file sink without file",
                "{\n  \"name\": \"x\",\n  \"config\": {\"connector.class\": \"FileStreamSink\", \"topics\": \"t\", \"value.schema\": \"order.avsc\"}\n}",
                "KCN0201",
                "\"file\" is required"
            },
            {
                "file sink without value schema",
                "{\n  \"name\": \"x\",\n  \"config\": {\"connector.class\": \"FileStreamSink\", \"topics\": \"t\", \"file\": \"f\"}\n}",
                "KCN0201",
                "\"value.schema\" is required"
            },
        };

    [Theory]
    [MemberData(nameof(MalformedSpecs))]
    public void MalformedSpec_IsReportedWithIdFileLineAndPath(
        string name,
        string text,
        string id,
        int line,
        string fragment
    )
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("broken.avsc", "{")
            .AddSchema("bad.connector.json", text)
            .Run();

        AssertReported(run, name, id, line, fragment, "bad.connector.json");
    }

    [Theory]
    [MemberData(nameof(MalformedSpecsWithoutRequiredKeys))]
    public void SpecWithoutARequiredKey_IsReported(
        string name,
        string text,
        string id,
        string fragment
    )
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("bad.connector.json", text)
            .Run();

        AssertReported(run, name, id, 3, fragment, "bad.connector.json");
    }

    [Fact]
    public void TwoSpecsWithTheSameName_AreReported()
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("a.connector.json", ConnectorTexts.FileSinkSpec)
            .AddSchema("b.connector.json", ConnectorTexts.FileSinkSpec)
            .Run();

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "KCN0216");
        Assert.Contains("orders-file-sink", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("a.connector.json", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>A spec for the attribute source GreetingSource, with <paramref name="extra"/> from line 5 on.</summary>
    private static string SourceSpec(params string[] extra) =>
        "{\n"
        + "  \"name\": \"greetings-spec\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \"Shop.Connectors.GreetingSource\""
        + string.Concat(extra.Select(e => ",\n    " + e))
        + "\n  }\n}\n";

    public static TheoryData<
        string,
        string,
        string,
        int,
        string
    > MalformedSpecsOfAttributeClasses =>
        new()
        {
            {
                "misspelt class key",
                SourceSpec("\"greeting.cont\": 3"),
                "KCN0202",
                5,
                "Did you mean \"greeting.count\"?"
            },
            {
                "class key of the wrong type",
                SourceSpec("\"greeting.count\": \"many\""),
                "KCN0203",
                5,
                "must be a 64-bit integer"
            },
            {
                "class key below its Min",
                SourceSpec("\"greeting.count\": -1"),
                "KCN0217",
                5,
                "at least 0"
            },
            {
                "DLQ on a source without tolerance all",
                SourceSpec("\"errors.deadletterqueue.topic.name\": \"greetings-dlq\""),
                "KCN0207",
                5,
                "errors.tolerance is \"none\""
            },
            {
                "topics on a source class",
                SourceSpec("\"topics\": \"t\""),
                "KCN0212",
                5,
                "applies only to sink connectors"
            },
            {
                "schema with a class",
                SourceSpec("\"value.schema\": \"order.avsc\""),
                "KCN0202",
                5,
                "types come from its attribute"
            },
            {
                "converter the class cannot use",
                SourceSpec("\"value.converter\": \"Avro\""),
                "KCN0205",
                5,
                "cannot carry a string value"
            },
            {
                "class not in the project",
                "{\n  \"name\": \"x\",\n  \"config\": {\n    \"connector.class\": \"Shop.Connectors.GreetingSorce\"\n  }\n}",
                "KCN0208",
                4,
                "Did you mean \"Shop.Connectors.GreetingSource\"?"
            },
        };

    [Theory]
    [MemberData(nameof(MalformedSpecsOfAttributeClasses))]
    public void MalformedSpecOfAnAttributeClass_IsReported(
        string name,
        string text,
        string id,
        int line,
        string fragment
    )
    {
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSource(ConnectorTexts.AttributeSource)
            .AddSchema("bad.connector.json", text)
            .Run();

        AssertReported(run, name, id, line, fragment, "bad.connector.json");
    }

    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using KConnector.Connectors;
        using KConnector.Records;
        using Shop.Orders;

        """;

    /// <summary>Attribute uses; the expected line is the one holding the marker /*!*/.</summary>
    public static TheoryData<string, string, string, string> MalformedAttributeUses =>
        new()
        {
            {
                "not partial",
                """
                    [SinkConnector("s")]
                    public class /*!*/S
                    {
                        public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, string>> records, CancellationToken cancellationToken) => default;
                    }
                    """,
                "KCN0230",
                "must be declared partial"
            },
            {
                "PollAsync missing",
                """
                    [SourceConnector("s")]
                    public partial class /*!*/S
                    {
                    }
                    """,
                "KCN0231",
                "IReadOnlyList<KConnector.Records.SourceRecord<string, string>>> PollAsync(System.Threading.CancellationToken cancellationToken)"
            },
            {
                "PutAsync missing",
                """
                    [SinkConnector("s")]
                    public partial class /*!*/S
                    {
                    }
                    """,
                "KCN0231",
                "PutAsync"
            },
            {
                "PollAsync returns Task",
                """
                    [SourceConnector("s")]
                    public partial class S
                    {
                        public Task<IReadOnlyList<SourceRecord<string, string>>> /*!*/PollAsync(CancellationToken cancellationToken) => null!;
                    }
                    """,
                "KCN0232",
                "S.PollAsync has the wrong signature"
            },
            {
                "PutAsync with the wrong value type",
                """
                    [SinkConnector("s", ValueType = typeof(Order))]
                    public partial class S
                    {
                        public ValueTask /*!*/PutAsync(IReadOnlyList<SinkRecord<string, string>> records, CancellationToken cancellationToken) => default;
                    }
                    """,
                "KCN0232",
                "SinkRecord<string, Order>"
            },
            {
                "PutAsync without a token",
                """
                    [SinkConnector("s")]
                    public partial class S
                    {
                        public ValueTask /*!*/PutAsync(IReadOnlyList<SinkRecord<string, string>> records) => default;
                    }
                    """,
                "KCN0232",
                "CancellationToken cancellationToken"
            },
            {
                "StartAsync returns Task",
                """
                    [SinkConnector("s")]
                    public partial class S
                    {
                        public Task /*!*/StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                        public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, string>> records, CancellationToken cancellationToken) => default;
                    }
                    """,
                "KCN0232",
                "S.StartAsync"
            },
            {
                "default of the wrong type",
                Sink(
                    """
                    [/*!*/ConfigProperty("batch.size", Default = "ten")]
                    public int BatchSize { get; set; }
                    """
                ),
                "KCN0233",
                "the default \"ten\" of \"batch.size\" is not a valid int"
            },
            {
                "Min greater than Max",
                Sink(
                    """
                    [/*!*/ConfigProperty("batch.size", Default = 5, Min = 10, Max = 1)]
                    public int BatchSize { get; set; }
                    """
                ),
                "KCN0234",
                "Min (10) is greater than Max (1)"
            },
            {
                "range on a string",
                Sink(
                    """
                    [/*!*/ConfigProperty("mode", Default = "a", Min = 1)]
                    public string Mode { get; set; } = "";
                    """
                ),
                "KCN0234",
                "Min and Max apply to numbers"
            },
            {
                "default outside the range",
                Sink(
                    """
                    [/*!*/ConfigProperty("batch.size", Default = 0, Min = 1, Max = 100)]
                    public int BatchSize { get; set; }
                    """
                ),
                "KCN0234",
                "the default 0 is outside [1, 100]"
            },
            {
                "invalid pattern",
                Sink(
                    """
                    [/*!*/ConfigProperty("mode", Default = "a", Pattern = "[a-")]
                    public string Mode { get; set; } = "";
                    """
                ),
                "KCN0235",
                "not a valid regular expression"
            },
            {
                "default not matching the pattern",
                Sink(
                    """
                    [/*!*/ConfigProperty("mode", Default = "ABC", Pattern = "[a-z]+")]
                    public string Mode { get; set; } = "";
                    """
                ),
                "KCN0233",
                "does not match the Pattern"
            },
            {
                "unsupported type",
                Sink(
                    """
                    [/*!*/ConfigProperty("started.at")]
                    public System.DateTime? StartedAt { get; set; }
                    """
                ),
                "KCN0236",
                "System.DateTime?"
            },
            {
                "secret int",
                Sink(
                    """
                    [/*!*/ConfigProperty("pin", Secret = true, Required = true)]
                    public int Pin { get; set; }
                    """
                ),
                "KCN0236",
                "Pin (Secret)"
            },
            {
                "not settable",
                Sink(
                    """
                    [/*!*/ConfigProperty("mode", Default = "a")]
                    public string Mode { get; } = "";
                    """
                ),
                "KCN0237",
                "needs an accessible set or init accessor"
            },
            {
                "a common key",
                Sink(
                    """
                    [/*!*/ConfigProperty("tasks.max", Default = 1)]
                    public int Tasks { get; set; }
                    """
                ),
                "KCN0238",
                "every connector already has"
            },
            {
                "duplicate key",
                Sink(
                    """
                    [ConfigProperty("mode", Default = "a")]
                    public string Mode { get; set; } = "";
                    [/*!*/ConfigProperty("mode", Default = "b")]
                    public string Mode2 { get; set; } = "";
                    """
                ),
                "KCN0238",
                "more than one property"
            },
            {
                "required with a default",
                Sink(
                    """
                    [/*!*/ConfigProperty("mode", Default = "a", Required = true)]
                    public string Mode { get; set; } = "";
                    """
                ),
                "KCN0238",
                "is Required and has a Default"
            },
            {
                "optional without a default",
                Sink(
                    """
                    [/*!*/ConfigProperty("batch.size")]
                    public int BatchSize { get; set; }
                    """
                ),
                "KCN0238",
                "has no Default, is not Required"
            },
            {
                "invalid key",
                Sink(
                    """
                    [/*!*/ConfigProperty("batch size", Default = 1)]
                    public int BatchSize { get; set; }
                    """
                ),
                "KCN0238",
                "must contain a letter"
            },
            {
                "default not in OneOf",
                Sink(
                    """
                    [/*!*/ConfigProperty("mode", Default = "upsert", OneOf = new[] { "insert", "update" })]
                    public string Mode { get; set; } = "";
                    """
                ),
                "KCN0240",
                "\"upsert\" is not one of insert, update"
            },
            {
                "OneOf on a number",
                Sink(
                    """
                    [/*!*/ConfigProperty("level", Default = 1, OneOf = new[] { "1" })]
                    public int Level { get; set; }
                    """
                ),
                "KCN0240",
                "OneOf applies to strings"
            },
            {
                "nested class",
                """
                    public partial class Outer
                    {
                        [SinkConnector("s")]
                        public partial class /*!*/S
                        {
                            public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, string>> records, CancellationToken cancellationToken) => default;
                        }
                    }
                    """,
                "KCN0239",
                "is nested in another type"
            },
            {
                "generic class",
                """
                    [SinkConnector("s")]
                    public partial class /*!*/S<T>
                    {
                        public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, string>> records, CancellationToken cancellationToken) => default;
                    }
                    """,
                "KCN0239",
                "is generic"
            },
            {
                "no parameterless constructor",
                """
                    [SinkConnector("s")]
                    public partial class /*!*/S
                    {
                        public S(int x) { }
                        public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, string>> records, CancellationToken cancellationToken) => default;
                    }
                    """,
                "KCN0239",
                "parameterless constructor"
            },
            {
                "unknown value type",
                """
                    [/*!*/SinkConnector("s", ValueType = typeof(Customer))]
                    public partial class S
                    {
                        public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, Customer>> records, CancellationToken cancellationToken) => default;
                    }
                    """,
                "KCN0241",
                "the value type Customer is neither string, byte[]"
            },
            {
                "String converter with a record",
                """
                    [/*!*/SinkConnector("s", ValueType = typeof(Order), ValueConverter = "String")]
                    public partial class S
                    {
                        public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, Order>> records, CancellationToken cancellationToken) => default;
                    }
                    """,
                "KCN0205",
                "cannot carry the value record Order"
            },
            {
                "Avro converter with a string",
                """
                    [/*!*/SinkConnector("s", KeyConverter = "io.confluent.connect.avro.AvroConverter")]
                    public partial class S
                    {
                        public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, string>> records, CancellationToken cancellationToken) => default;
                    }
                    """,
                "KCN0205",
                "the AvroConverter (KeyConverter) cannot carry a string key"
            },
            {
                "misspelt converter",
                """
                    [/*!*/SinkConnector("s", ValueType = typeof(Order), ValueConverter = "Avor")]
                    public partial class S
                    {
                        public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, Order>> records, CancellationToken cancellationToken) => default;
                    }
                    """,
                "KCN0209",
                "Did you mean \"Avro\"?"
            },
            {
                "invalid connector name",
                """
                    [/*!*/SinkConnector("my sink")]
                    public partial class S
                    {
                        public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, string>> records, CancellationToken cancellationToken) => default;
                    }
                    """,
                "KCN0215",
                "\"my sink\""
            },
        };

    private static string Sink(string members) =>
        "[SinkConnector(\"s\")]\npublic partial class S\n{\n"
        + members
        + "\n    public ValueTask PutAsync(IReadOnlyList<SinkRecord<string, string>> records, CancellationToken cancellationToken) => default;\n}\n";

    [Theory]
    [MemberData(nameof(MalformedAttributeUses))]
    public void MalformedAttributeUse_IsReportedWithIdLineAndMember(
        string name,
        string code,
        string id,
        string fragment
    )
    {
        var source = Usings + code;
        var line =
            source
                .Split('\n')
                .ToList()
                .FindIndex(l => l.Contains("/*!*/", StringComparison.Ordinal)) + 1;
        var run = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSource(source)
            .Run();

        AssertReported(run, name, id, line, fragment, file: null, run.AnalyzerDiagnostics());
    }

    [Fact]
    public void Corpus_HasAtLeastThirtyCasesWithDistinctIds()
    {
        var ids = MalformedSpecs
            .Select(row => (string)row[2])
            .Concat(MalformedSpecsWithoutRequiredKeys.Select(row => (string)row[2]))
            .Concat(MalformedAttributeUses.Select(row => (string)row[2]))
            .Concat(MalformedSpecsOfAttributeClasses.Select(row => (string)row[2]))
            .ToList();

        Assert.True(ids.Count >= 30, $"{ids.Count} cases");
        Assert.True(ids.Distinct().Count() >= 25, $"{ids.Distinct().Count()} distinct ids");
    }

    private static void AssertReported(
        GeneratorRun run,
        string name,
        string id,
        int line,
        string fragment,
        string? file,
        IEnumerable<Diagnostic>? analyzerDiagnostics = null
    )
    {
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        var diagnostics = run.Diagnostics.Concat(analyzerDiagnostics ?? []).ToList();
        Assert.DoesNotContain(diagnostics, d => d.Id == "KCN0099");
        var matching = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(
            matching.Count > 0,
            $"{name}: expected {id}, got: "
                + string.Join(" | ", diagnostics.Select(d => d.Id + " " + d.GetMessage()))
        );
        var diagnostic = matching.FirstOrDefault(d =>
            d.Location.GetLineSpan().StartLinePosition.Line + 1 == line
        );
        Assert.True(
            diagnostic is not null,
            $"{name}: {id} not on line {line}: "
                + string.Join(
                    " | ",
                    matching.Select(d =>
                        d.Location.GetLineSpan().StartLinePosition.Line + 1 + " " + d.GetMessage()
                    )
                )
        );
        var message = diagnostic!.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains($"line {line}, at ", message, StringComparison.Ordinal);
        Assert.Contains(fragment, message, StringComparison.Ordinal);
        if (file is not null)
        {
            Assert.StartsWith(file + ", line ", message, StringComparison.Ordinal);
        }
    }
}
