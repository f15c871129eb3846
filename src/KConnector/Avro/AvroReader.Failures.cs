using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace KConnector.Avro;

/// <summary>
/// The reader's failures, each built in its own method the JIT never inlines: a message built
/// inside a read (string interpolation) makes the read too large to inline into the generated
/// decoder, and a call per field is most of a small record's decode time.
/// </summary>
public ref partial struct AvroReader
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowTruncated(string field) =>
        throw Corrupt(field, $"the data ends after {_position} bytes (truncated)");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowVarintTooLong(string field) =>
        throw Corrupt(field, "a varint is longer than 10 bytes");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowNotAnInt(string field, long value) =>
        throw Corrupt(field, $"the value {value} does not fit an int");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowNotABoolean(string field, byte value) =>
        throw Corrupt(field, $"a boolean must be 0 or 1, found {value}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowBadLength(string field, long length) =>
        throw Corrupt(
            field,
            length < 0
                ? $"a length of {length} is negative"
                : $"a length of {length} exceeds the {Remaining} bytes left"
        );

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowUnionIndex(string field, long index, int branchCount) =>
        throw Corrupt(field, $"union branch {index} is out of range 0..{branchCount - 1}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowEnumIndex(string field, long index, int symbolCount) =>
        throw Corrupt(field, $"enum symbol {index} is out of range 0..{symbolCount - 1}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowOutOfRange(string field, long raw) => throw OutOfRange(field, raw);

    private readonly AvroDecodeException OutOfRange(string field, long raw) =>
        Corrupt(field, $"the value {raw} is out of the logical type's range");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowTooDeep(string record) =>
        throw Corrupt(record, $"records nest deeper than {MaxDepth} levels");
}
