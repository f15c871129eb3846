namespace KConnector.Connectors.Http.Configuration;

/// <summary><c>auth.type</c>: how requests authenticate.</summary>
public enum HttpAuthType
{
    /// <summary>No Authorization header.</summary>
    None,

    /// <summary>HTTP Basic with connection.user and connection.password.</summary>
    Basic,

    /// <summary><c>Authorization: Bearer</c> with bearer.token.</summary>
    Bearer,
}
