namespace KConnector.Connectors.File.Tests;

/// <summary>A clock the test moves by hand; delays complete at once (the file source's idle pause).</summary>
internal sealed class ManualTime : TimeProvider
{
    private DateTimeOffset _now = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
