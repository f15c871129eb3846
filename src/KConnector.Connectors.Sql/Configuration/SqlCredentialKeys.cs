using KConnector.Configuration;

namespace KConnector.Connectors.Sql.Configuration;

/// <summary>
/// The credential keys the SQL sink and source share, as Confluent's JDBC connectors do
/// (<c>connection.user</c>, <c>connection.password</c>); each connector documents its own
/// <c>connection.url</c>, since the dialects they support differ.
/// </summary>
internal static class SqlCredentialKeys
{
    public static ConfigKey User { get; } =
        new()
        {
            Name = "connection.user",
            Type = ConfigType.String,
            Importance = ConfigImportance.High,
            Documentation = "Database user.",
        };

    public static ConfigKey Password { get; } =
        new()
        {
            Name = "connection.password",
            Type = ConfigType.Password,
            Importance = ConfigImportance.High,
            Documentation = "Database password; never logged.",
        };
}
