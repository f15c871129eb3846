using System.Globalization;

namespace KConnector.Converters.Primitives;

/// <summary>
/// Reads back what <see cref="JavaText"/> writes (Java's <c>Long.parseLong</c>,
/// <c>Double.parseDouble</c>, <c>Boolean.parseBoolean</c>, <c>Date.toString()</c>'s form in UTC),
/// for a <see cref="PrimitiveStringConverter{T}"/> that reads a topic a compiled chain wrote.
/// </summary>
internal static class JavaTextParsers
{
    private const string DateFormat = "ddd MMM dd HH:mm:ss 'UTC' yyyy";
    private static readonly Dictionary<Type, Delegate> ByType = Build();

    /// <summary>The parser of <typeparamref name="T"/>'s Java text, or null for a type <see cref="JavaText"/> does not write.</summary>
    public static Func<string, T>? For<T>() =>
        ByType.TryGetValue(typeof(T), out var parse) ? (Func<string, T>)parse : null;

    private static Dictionary<Type, Delegate> Build()
    {
        var byType = new Dictionary<Type, Delegate>();
        var invariant = CultureInfo.InvariantCulture;
        Add(byType, s => int.Parse(s, NumberStyles.AllowLeadingSign, invariant));
        Add(byType, s => long.Parse(s, NumberStyles.AllowLeadingSign, invariant));
        Add(byType, s => float.Parse(s, NumberStyles.Float, invariant));
        Add(byType, s => double.Parse(s, NumberStyles.Float, invariant));
        // Boolean.parseBoolean: "true" in any case is true, anything else false.
        Add(byType, s => s.Equals("true", StringComparison.OrdinalIgnoreCase));
        Add(byType, Timestamp);
        Add(byType, s => DateOnly.FromDateTime(Timestamp(s).UtcDateTime));
        Add(byType, s => TimeOnly.FromDateTime(Timestamp(s).UtcDateTime));
        return byType;
    }

    private static DateTimeOffset Timestamp(string text) =>
        DateTimeOffset.ParseExact(
            text,
            DateFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal
        );

    private static void Add<T>(Dictionary<Type, Delegate> byType, Func<string, T> parse)
        where T : struct
    {
        byType[typeof(T)] = parse;
        byType[typeof(T?)] = (Func<string, T?>)(s => parse(s));
    }
}
