namespace KConnector.Tests.Converters;

/// <summary>
/// Tests that turn the process-wide JSON Schema library switch off: they run alone, after every
/// parallel test, so that no other JSON Schema test sees the switch off.
/// </summary>
[CollectionDefinition(nameof(JsonSchemaLibrarySwitchCollection), DisableParallelization = true)]
public sealed class JsonSchemaLibrarySwitchCollection;
