using Confluent.Kafka;
using KConnector.Converters.Headers;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// Where a compiled <c>HeaderFrom</c> (docs/transforms.md, "Compiled at build time") adds its
/// headers to a source record: each value, typed with the field's Connect schema, is written
/// through the worker's <c>header.converter</c> and appended after the record's own headers, as
/// Kafka Connect's <c>HeaderFrom.applyWithSchema</c> appends to a copy of the record's headers
/// before the worker's header converter writes them. A struct over the Kafka headers the runner
/// builds anyway: nothing allocated per record beyond the header bytes.
/// </summary>
public readonly struct CompiledHeaderSink
{
    private readonly Headers _headers;
    private readonly IHeaderConverter _converter;
    private readonly string _topic;

    /// <summary>A sink appending to <paramref name="headers"/>, each value written by <paramref name="converter"/> for <paramref name="topic"/>.</summary>
    public CompiledHeaderSink(Headers headers, IHeaderConverter converter, string topic)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(converter);
        ArgumentNullException.ThrowIfNull(topic);
        _headers = headers;
        _converter = converter;
        _topic = topic;
    }

    /// <summary>Appends the header <paramref name="name"/> with <paramref name="value"/>, written by <c>header.converter</c>.</summary>
    public void Add(string name, HeaderValue value) =>
        _headers.Add(name, _converter.FromConnectHeader(_topic, name, value));
}
