namespace KConnector.Configuration;

/// <summary>One thing wrong with a connector's config, naming the key at fault.</summary>
/// <param name="Key">The config key, e.g. <c>tasks.max</c>.</param>
/// <param name="Message">What is wrong; never contains a secret value.</param>
public sealed record ConfigIssue(string Key, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Key + ": " + Message;
}
