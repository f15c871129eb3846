using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace KConnector.Rest.Endpoints;

/// <summary>
/// HTTP basic authentication as Kafka Connect's <c>BasicAuthSecurityRestExtension</c> checks it:
/// with users configured, a request without valid credentials is answered 401 with a
/// <c>WWW-Authenticate</c> challenge and never reaches a handler. Passwords are compared in
/// constant time and never logged or echoed.
/// </summary>
internal static class BasicAuthentication
{
    public static bool IsAuthorized(HttpRequest request, IDictionary<string, string> users)
    {
        if (users.Count == 0)
        {
            return true;
        }
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && users.TryGetValue(decoded[..colon], out var password)
            && CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(password),
                Encoding.UTF8.GetBytes(decoded[(colon + 1)..])
            );
    }

    public static IResult Challenge(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"kconnector\"";
        return RestErrors.Error(StatusCodes.Status401Unauthorized, "Authentication required");
    }
}
