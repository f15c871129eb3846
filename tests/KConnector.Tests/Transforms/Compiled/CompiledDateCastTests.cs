using KConnector.Transforms.Compiled;

namespace KConnector.Tests.Transforms.Compiled;

/// <summary>
/// Cast of a Timestamp, Date or Time to string as Kafka Connect's Cast writes it
/// (<c>Values.dateFormatFor</c>: the pattern follows the instant's epoch milliseconds).
/// </summary>
public sealed class CompiledDateCastTests
{
    public static TheoryData<DateTimeOffset, string> Timestamps =>
        new()
        {
            { new(2024, 3, 1, 12, 34, 56, 789, TimeSpan.Zero), "2024-03-01T12:34:56.789Z" },
            // An offset is the same instant: written in UTC, as the literal Z says.
            {
                new(2024, 3, 1, 14, 34, 56, 789, TimeSpan.FromHours(2)),
                "2024-03-01T12:34:56.789Z"
            },
            // A whole number of days since the epoch: Connect writes the date only.
            { new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), "2024-03-01" },
            // Under one day of epoch milliseconds (the first day, and any instant before 1970): the time only.
            { new(1970, 1, 1, 8, 0, 0, 5, TimeSpan.Zero), "08:00:00.005Z" },
            { new(1969, 7, 20, 20, 17, 40, TimeSpan.Zero), "20:17:40.000Z" },
        };

    [Theory]
    [MemberData(nameof(Timestamps))]
    public void Timestamp_AsValuesDateFormatFor(DateTimeOffset value, string expected) =>
        Assert.Equal(expected, CompiledDateCast.Text(value));

    [Fact]
    public void Date_IsItsIsoDate_AndTheEpochDayATime()
    {
        Assert.Equal("2024-03-01", CompiledDateCast.Text(new DateOnly(2024, 3, 1)));
        Assert.Equal("00:00:00.000Z", CompiledDateCast.Text(new DateOnly(1970, 1, 1)));
    }

    [Fact]
    public void Time_IsItsIsoTimeWithMillisecondsAndZ()
    {
        Assert.Equal("12:34:56.789Z", CompiledDateCast.Text(new TimeOnly(12, 34, 56, 789)));
        Assert.Equal("00:00:00.000Z", CompiledDateCast.Text(TimeOnly.MinValue));
    }
}
