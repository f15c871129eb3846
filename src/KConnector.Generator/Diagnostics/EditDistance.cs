using System;
using System.Collections.Generic;

namespace KConnector.Generator.Connectors;

/// <summary>Levenshtein distance, for "did you mean" suggestions on misspelt keys and names.</summary>
internal static class EditDistance
{
    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost =
                    char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(
                    Math.Min(current[j - 1] + 1, previous[j] + 1),
                    previous[j - 1] + cost
                );
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// The closest candidate within a third of the word's length (at least 2 edits), or null: close
    /// enough to be a typo, far enough not to suggest nonsense.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(2, word.Length / 3);
        foreach (var candidate in candidates)
        {
            var d = Between(word, candidate);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>" Did you mean \"x\"?" or empty.</summary>
    public static string Suggestion(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } s ? " Did you mean \"" + s + "\"?" : string.Empty;
}
