using System.Collections;

namespace KConnector.Testing;

/// <summary>
/// Computes a shortest line edit script (a longest common subsequence) between two sequences of line ids.
/// </summary>
/// <remarks>
/// The common prefix and suffix are trimmed first, so the usual snapshot failure (a few changed lines in
/// a large file) costs time linear in the file size. The rest uses the textbook dynamic programme, keeping
/// two rows of lengths and one bit of direction per cell, bounded by <see cref="MaxCells"/> so that a
/// pathological pair of inputs still finishes quickly and in a few megabytes.
/// </remarks>
internal static class LineEditScript
{
    /// <summary>
    /// The largest old-by-new middle region solved exactly (25 million cells: about 3 MB of direction bits
    /// and well under a second). Larger regions are reported as wholly deleted, then wholly inserted.
    /// </summary>
    public const long MaxCells = 25_000_000;

    /// <summary>Returns the steps turning <paramref name="oldIds"/> into <paramref name="newIds"/>.</summary>
    public static List<DiffOperation> Compute(int[] oldIds, int[] newIds)
    {
        var operations = new List<DiffOperation>(Math.Max(oldIds.Length, newIds.Length));

        var prefix = 0;
        while (prefix < oldIds.Length && prefix < newIds.Length && oldIds[prefix] == newIds[prefix])
        {
            prefix++;
        }

        var oldEnd = oldIds.Length;
        var newEnd = newIds.Length;
        while (oldEnd > prefix && newEnd > prefix && oldIds[oldEnd - 1] == newIds[newEnd - 1])
        {
            oldEnd--;
            newEnd--;
        }

        for (var i = 0; i < prefix; i++)
        {
            operations.Add(new DiffOperation(DiffOperationKind.Equal, i, i));
        }

        var oldMiddle = oldIds.AsSpan(prefix, oldEnd - prefix);
        var newMiddle = newIds.AsSpan(prefix, newEnd - prefix);
        if ((long)oldMiddle.Length * newMiddle.Length <= MaxCells)
        {
            AddLongestCommonSubsequence(operations, oldMiddle, newMiddle, prefix);
        }
        else
        {
            AddReplacement(operations, oldMiddle.Length, newMiddle.Length, prefix);
        }

        for (
            int oldIndex = oldEnd, newIndex = newEnd;
            oldIndex < oldIds.Length;
            oldIndex++, newIndex++
        )
        {
            operations.Add(new DiffOperation(DiffOperationKind.Equal, oldIndex, newIndex));
        }

        return operations;
    }

    private static void AddLongestCommonSubsequence(
        List<DiffOperation> operations,
        ReadOnlySpan<int> oldIds,
        ReadOnlySpan<int> newIds,
        int offset
    )
    {
        var oldCount = oldIds.Length;
        var newCount = newIds.Length;

        // lengths[j] holds the LCS length of oldIds[i..] and newIds[j..]; filled from the end so the walk
        // below can go forwards. preferDelete records, for unequal cells, whether skipping the old line
        // keeps as long a subsequence as skipping the new one; taking deletes on ties puts a change's
        // removed lines before its added ones, as diff -u does.
        var preferDelete = new BitArray(checked(oldCount * newCount));
        var next = new int[newCount + 1];
        var current = new int[newCount + 1];
        for (var i = oldCount - 1; i >= 0; i--)
        {
            current[newCount] = 0;
            for (var j = newCount - 1; j >= 0; j--)
            {
                if (oldIds[i] == newIds[j])
                {
                    current[j] = next[j + 1] + 1;
                }
                else if (next[j] >= current[j + 1])
                {
                    current[j] = next[j];
                    preferDelete[(i * newCount) + j] = true;
                }
                else
                {
                    current[j] = current[j + 1];
                }
            }

            (next, current) = (current, next);
        }

        int oldIndex = 0,
            newIndex = 0;
        while (oldIndex < oldCount && newIndex < newCount)
        {
            // Matching equal lines greedily is safe: it never shortens the common subsequence.
            if (oldIds[oldIndex] == newIds[newIndex])
            {
                operations.Add(
                    new DiffOperation(DiffOperationKind.Equal, offset + oldIndex, offset + newIndex)
                );
                oldIndex++;
                newIndex++;
            }
            else if (preferDelete[(oldIndex * newCount) + newIndex])
            {
                operations.Add(
                    new DiffOperation(
                        DiffOperationKind.Delete,
                        offset + oldIndex,
                        offset + newIndex
                    )
                );
                oldIndex++;
            }
            else
            {
                operations.Add(
                    new DiffOperation(
                        DiffOperationKind.Insert,
                        offset + oldIndex,
                        offset + newIndex
                    )
                );
                newIndex++;
            }
        }

        for (; oldIndex < oldCount; oldIndex++)
        {
            operations.Add(
                new DiffOperation(DiffOperationKind.Delete, offset + oldIndex, offset + newIndex)
            );
        }

        for (; newIndex < newCount; newIndex++)
        {
            operations.Add(
                new DiffOperation(DiffOperationKind.Insert, offset + oldIndex, offset + newIndex)
            );
        }
    }

    private static void AddReplacement(
        List<DiffOperation> operations,
        int oldCount,
        int newCount,
        int offset
    )
    {
        for (var i = 0; i < oldCount; i++)
        {
            operations.Add(new DiffOperation(DiffOperationKind.Delete, offset + i, offset));
        }

        for (var j = 0; j < newCount; j++)
        {
            operations.Add(
                new DiffOperation(DiffOperationKind.Insert, offset + oldCount, offset + j)
            );
        }
    }
}
