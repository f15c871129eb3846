using System.Globalization;
using System.Text.RegularExpressions;

namespace KConnector.Configuration;

/// <summary>
/// The one place a URL is turned into text for a person (a log line, an exception message, a
/// dead-letter header, a status trace). A URL may carry credentials in its user info
/// (<c>https://user:password@registry:8081</c>, the Schema Registry's default
/// <c>basic.auth.credentials.source=URL</c>) or in its query (<c>jdbc:postgresql://host/db?password=...</c>,
/// a webhook's <c>?code=...</c>): both are shown as <see cref="Hidden"/>, as Kafka's <c>Password</c>
/// type prints its values (issue 20, item 1).
/// </summary>
public static partial class UrlRedaction
{
    /// <summary>What stands in for a secret, as Kafka's <c>Password.HIDDEN</c>.</summary>
    public const string Hidden = "[hidden]";

    /// <summary>
    /// <paramref name="url"/> for display: scheme, host, port and path; user info and query become
    /// <see cref="Hidden"/>; a fragment is dropped.
    /// </summary>
    public static string Redact(Uri? url)
    {
        if (url is null)
        {
            return "";
        }
        if (!url.IsAbsoluteUri || url.Host.Length == 0)
        {
            // jdbc:postgresql://... parses with no host: redact it as text.
            return Redact(url.OriginalString);
        }
        var userInfo = url.UserInfo.Length > 0 ? Hidden + "@" : "";
        var query = url.Query.Length > 1 ? "?" + Hidden : "";
        // Host keeps an IPv6 address's brackets; the port only when it is not the scheme's default.
        var port = url.IsDefaultPort ? "" : ":" + url.Port.ToString(CultureInfo.InvariantCulture);
        return $"{url.Scheme}://{userInfo}{url.Host}{port}{url.AbsolutePath}{query}";
    }

    /// <summary>
    /// A URL given as text (a JDBC URL, a comma-separated list, something that does not parse):
    /// the user info and the query are hidden wherever they appear.
    /// </summary>
    public static string Redact(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return url ?? "";
        }
        var text = UserInfo().Replace(url, "${scheme}" + Hidden + "@");
        return Query().Replace(text, "?" + Hidden);
    }

    /// <summary>
    /// Free text that may quote a URL (another library's exception message, a stack trace): user info
    /// of every <c>scheme://user:password@</c> and the values of query parameters whose names say
    /// they hold a secret are hidden; the rest of the text is kept, so the message stays useful.
    /// </summary>
    public static string RedactIn(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains("://", StringComparison.Ordinal))
        {
            return text ?? "";
        }
        var redacted = UserInfo().Replace(text, "${scheme}" + Hidden + "@");
        return SecretParameter().Replace(redacted, "${name}" + Hidden);
    }

    // scheme://userinfo@ where userinfo holds no '/', whitespace or quote (RFC 3986 3.2.1).
    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@'""<>]+@")]
    private static partial Regex UserInfo();

    // A query up to whitespace, a quote or a comma (the separator of URL lists).
    [GeneratedRegex(@"\?[^\s'""<>,#]+")]
    private static partial Regex Query();

    [GeneratedRegex(
        @"(?<name>[?&;](?:[A-Za-z0-9_.\-]*(?:password|passwd|pwd|secret|token|key|sig|signature|credential|auth)[A-Za-z0-9_.\-]*|code)=)[^&;\s'""<>,#]+",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex SecretParameter();
}
