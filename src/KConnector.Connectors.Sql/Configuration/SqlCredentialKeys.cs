using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Connectors.Sql.Configuration;

/// <summary>
/// The credential keys the SQL sink and source share, as Confluent's JDBC connectors do (<c>connection.user</c>, <c>connection.password</c>); each connector documents its own <c>connection.url</c>, since the dialects they support differ.
/// Descriptors include them with <c>[IncludeConfigKeys(typeof(SqlCredentialKeys))]</c>: one definition.
/// </summary>
[ConfigKey(
    "connection.user",
    ConfigType.String,
    Importance = ConfigImportance.High,
    Documentation = "Database user."
)]
[ConfigKey(
    "connection.password",
    ConfigType.Password,
    Importance = ConfigImportance.High,
    Documentation = "Database password; never logged."
)]
internal static class SqlCredentialKeys;
