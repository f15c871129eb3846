namespace KConnector.Distributed;

/// <summary>A unit taken from <paramref name="From"/> in generation <paramref name="Generation"/>, waiting for it to say it stopped the unit.</summary>
public sealed record RevokedUnit(string From, long Generation);
