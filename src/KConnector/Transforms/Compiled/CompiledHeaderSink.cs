using Confluent.Kafka;
using KConnector.Converters.Headers;
using KConnector.Records;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// Where a compiled <c>HeaderFrom</c> (docs/transforms.md, "Compiled at build time") adds its
/// headers. On a source each value, typed with the field's Connect schema, is written through the
/// worker's <c>header.converter</c> and appended after the record's own headers, as Kafka
/// Connect's <c>HeaderFrom.applyWithSchema</c> appends to a copy of the record's headers before
/// the worker's header converter writes them. On a sink it is appended, typed, to the header list
/// the task gets, after the record's own (which <c>header.converter</c> read): Connect's sink
/// transforms run after the header converter, so the task sees the transform's typed value and no
/// converter writes it. A struct over the header list the runner builds anyway: nothing allocated
/// per record beyond the headers themselves.
/// </summary>
public readonly struct CompiledHeaderSink
{
    private readonly Headers? _headers;
    private readonly IHeaderConverter? _converter;
    private readonly string? _topic;
    private readonly List<RecordHeader>? _sinkHeaders;

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

    /// <summary>A sink appending typed headers to <paramref name="headers"/>, the header list a sink task gets.</summary>
    public CompiledHeaderSink(List<RecordHeader> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _sinkHeaders = headers;
    }

    /// <summary>
    /// Appends the header <paramref name="name"/> with <paramref name="value"/>: on a source
    /// written by <c>header.converter</c>, on a sink as the typed value.
    /// </summary>
    public void Add(string name, HeaderValue value)
    {
        if (_sinkHeaders is not null)
        {
            _sinkHeaders.Add(new RecordHeader(name, value));
            return;
        }
        _headers!.Add(name, _converter!.FromConnectHeader(_topic!, name, value));
    }
}
