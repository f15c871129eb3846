namespace KConnector.Rest.Tests;

/// <summary>
/// The metric names in an OTLP <c>ExportMetricsServiceRequest</c> (protobuf): resource_metrics (1)
/// → scope_metrics (2) → metrics (2) → name (1). A reader of just those fields, so that the test
/// checks what the exporter sent rather than searching bytes.
/// </summary>
internal static class OtlpMetricNames
{
    public static IReadOnlyList<string> Read(ReadOnlySpan<byte> request)
    {
        var names = new List<string>();
        foreach (var resource in Fields(request, 1))
        {
            foreach (var scope in Fields(resource.Span, 2))
            {
                foreach (var metric in Fields(scope.Span, 2))
                {
                    names.AddRange(
                        Fields(metric.Span, 1)
                            .Select(n => System.Text.Encoding.UTF8.GetString(n.Span))
                    );
                }
            }
        }
        return names;
    }

    // The length-delimited fields numbered 'number' of one message; other fields are skipped.
    private static List<ReadOnlyMemory<byte>> Fields(ReadOnlySpan<byte> message, int number)
    {
        var found = new List<ReadOnlyMemory<byte>>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = Varint(message, ref position);
            var wireType = (int)(tag & 7);
            switch (wireType)
            {
                case 0:
                    Varint(message, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    var length = (int)Varint(message, ref position);
                    if ((int)(tag >> 3) == number)
                    {
                        found.Add(message.Slice(position, length).ToArray());
                    }
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"wire type {wireType} at {position}");
            }
        }
        return found;
    }

    private static ulong Varint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new InvalidDataException("varint longer than 10 bytes");
    }
}
