using System.Text.Json.Nodes;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>A sink task of schemaless JSON records that keeps every record it is given, as given.</summary>
internal sealed class JsonRecordingSinkTask : RecordingSinkTask<JsonNode, JsonNode>;
