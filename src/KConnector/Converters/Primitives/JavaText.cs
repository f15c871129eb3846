using System.Globalization;

namespace KConnector.Converters.Primitives;

/// <summary>
/// The text Java's <c>toString()</c> gives a Connect primitive, as Kafka Connect's
/// <c>StringConverter</c> writes a non-string value (<c>value.toString()</c>) and its
/// <c>FileStreamSinkTask</c> prints a value per line: <c>Long</c> and <c>Integer</c> in decimal,
/// <c>Boolean</c> "true"/"false", <c>Double</c>/<c>Float</c> as <see cref="JavaFloatingText"/>, and
/// Connect's Timestamp, Date and Time (each a <c>java.util.Date</c>) as <c>Date.toString()</c>,
/// "EEE MMM dd HH:mm:ss zzz yyyy", in UTC ("Thu Jan 01 00:00:00 UTC 1970"; Java prints the JVM's
/// default zone, which a Connect worker run with <c>-Duser.timezone=UTC</c> matches; milliseconds
/// are not printed).
/// </summary>
public static class JavaText
{
    private static readonly Dictionary<Type, Delegate> ByType = Build();

    /// <summary>Java's <c>Double.toString</c> (JDK 19 and later).</summary>
    public static string Of(double value) =>
        JavaFloatingText.Of(value, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Java's <c>Float.toString</c> (JDK 19 and later): the shortest digits of the float, not of the double it widens to.</summary>
    public static string Of(float value) =>
        JavaFloatingText.Of(value, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Java's <c>Long.toString</c>.</summary>
    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Java's <c>Integer.toString</c> (also of Connect's INT8 and INT16, as Byte and Short print).</summary>
    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Java's <c>Boolean.toString</c>.</summary>
    public static string Of(bool value) => value ? "true" : "false";

    /// <summary>A Connect Timestamp's <c>java.util.Date.toString()</c>, in UTC.</summary>
    public static string Of(DateTimeOffset value) =>
        value.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    /// <summary>A Connect Date's <c>java.util.Date.toString()</c>: its midnight, in UTC.</summary>
    public static string Of(DateOnly value) =>
        Of(new DateTimeOffset(value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>A Connect Time's <c>java.util.Date.toString()</c>: that time of 1970-01-01, in UTC.</summary>
    public static string Of(TimeOnly value) =>
        Of(new DateTimeOffset(DateTime.UnixEpoch.Add(value.ToTimeSpan()), TimeSpan.Zero));

    /// <summary>
    /// The text of a Connect primitive of C# type <typeparamref name="T"/> (int, long, float, double,
    /// bool, string, DateTimeOffset, DateOnly, TimeOnly, or a value type's Nullable, given a value),
    /// typed so a caller formats without boxing; null for another type (byte[] has no Java text:
    /// <c>byte[].toString()</c> is an identity hash).
    /// </summary>
    public static Func<T, string>? For<T>() =>
        ByType.TryGetValue(typeof(T), out var text) ? (Func<T, string>)text : null;

    private static Dictionary<Type, Delegate> Build()
    {
        var byType = new Dictionary<Type, Delegate>
        {
            [typeof(string)] = (Func<string, string>)(static v => v),
        };
        Add<int>(byType, Of);
        Add<long>(byType, Of);
        Add<float>(byType, Of);
        Add<double>(byType, Of);
        Add<bool>(byType, Of);
        Add<DateTimeOffset>(byType, Of);
        Add<DateOnly>(byType, Of);
        Add<TimeOnly>(byType, Of);
        return byType;
    }

    private static void Add<T>(Dictionary<Type, Delegate> byType, Func<T, string> text)
        where T : struct
    {
        byType[typeof(T)] = text;
        byType[typeof(T?)] = (Func<T?, string>)(v => text(v!.Value));
    }
}
