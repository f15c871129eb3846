namespace KConnector.Throughput;

/// <summary>The loops' names, as the report prints them.</summary>
internal static class LoopNames
{
    public const string RawProducer = "raw producer";
    public const string HandWrittenSource = "hand-written source";
    public const string SourcePipeline = "source pipeline";
    public const string RawConsumer = "raw consumer";
    public const string HandWrittenSink = "hand-written sink";
    public const string SinkPipeline = "sink pipeline";
}
