namespace KConnector.Cli;

/// <summary>
/// The exit codes of every <c>kconnector</c> command, so that a script can trust them
/// (docs/templates.md lists them too).
/// </summary>
public static class ExitCodes
{
    /// <summary>Done: the spec is valid, the description was printed, or the run stopped as asked
    /// (Ctrl+C, <c>--max-records</c> reached, <c>--duration</c> elapsed).</summary>
    public const int Success = 0;

    /// <summary>The input is wrong: a spec or schema has errors (printed as the compiler prints them),
    /// a config value is invalid, a file is missing, or the connector is unknown.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong (unknown option, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>A connector failed while running (Kafka Connect's FAILED state); the error is printed.</summary>
    public const int ConnectorFailed = 3;

    /// <summary>
    /// kconnector itself failed: an exception no command expected (a bug, or the output stream
    /// closed). Apart from 1 and 3 so a script never mistakes it for a bad spec or a failed
    /// connector; 70 is sysexits' EX_SOFTWARE.
    /// </summary>
    public const int InternalError = 70;
}
