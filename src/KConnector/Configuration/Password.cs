namespace KConnector.Configuration;

/// <summary>
/// A secret config value, as Kafka's <c>types.Password</c>: <see cref="ToString"/> never reveals
/// it, so a config object can be logged or put in an exception without leaking the secret.
/// </summary>
public sealed class Password : IEquatable<Password>
{
    /// <summary>What <see cref="ToString"/> prints instead of the secret.</summary>
    public const string Hidden = "[hidden]";

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public Password(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The secret itself; read it only where it is used.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Hidden;

    /// <inheritdoc />
    public bool Equals(Password? other) =>
        other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Password other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}
