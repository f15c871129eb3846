using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Connectors.Sql.Configuration;

/// <summary>
/// The SQL source's configuration, with the keys, meanings and defaults of Confluent's JDBC source
/// connector (<c>JdbcSourceConnectorConfig</c>). Parse it with <see cref="Parse"/>.
/// </summary>
[TypedConfigKeys(typeof(SqlSource))]
public sealed partial record SqlSourceOptions
{
    /// <summary>
    /// The SQL source's keys, as a Kafka Connect <c>ConfigDef</c>: its docs table is generated
    /// from them, and <see cref="Parse"/> checks types, ranges and required keys through them.
    /// </summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.Sql.SqlSource.Definition;

    /// <summary>Every key the SQL source reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>mode.</summary>
    public SourceMode Mode { get; init; }

    /// <summary>incrementing.column.name.</summary>
    [ConfigKeyProperty("incrementing.column.name")]
    public string IncrementingColumn { get; init; }

    /// <summary>timestamp.column.name.</summary>
    [ConfigKeyProperty("timestamp.column.name")]
    public IReadOnlyList<string> TimestampColumns { get; init; }

    /// <summary>table.whitelist.</summary>
    [ConfigKeyProperty("table.whitelist")]
    public IReadOnlyList<string> Tables { get; init; }

    /// <summary>
    /// Parses and validates the SQL source's keys of <paramref name="config"/> (a worker's whole
    /// config may be given: other keys are ignored); every issue names its key.
    /// </summary>
    /// <param name="config">The connector's config values.</param>
    /// <param name="resolver">Resolves <c>${env:...}</c> and <c>${file:...}</c> references, when given.</param>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static SqlSourceOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var mode = parsed.Get<string>("mode") ?? string.Empty;
        var options = new SqlSourceOptions(parsed);
        // Rules across keys, as JdbcSourceConnectorConfig / JdbcSourceTask check them.
        if (
            options.Tables.Count == 0
            && options.Query.Length == 0
            && options.ConnectionUrl.Length > 0
        )
        {
            parsed.AddIssue("table.whitelist", "give table.whitelist or query");
        }
        if (options.Tables.Count > 0 && options.Query.Length > 0)
        {
            parsed.AddIssue("query", "give query or table.whitelist, not both");
        }
        if (
            options.Mode is SourceMode.Incrementing or SourceMode.TimestampIncrementing
            && options.IncrementingColumn.Length == 0
        )
        {
            parsed.AddIssue("incrementing.column.name", $"is required with mode={mode}");
        }
        if (
            options.Mode is SourceMode.Timestamp or SourceMode.TimestampIncrementing
            && options.TimestampColumns.Count == 0
        )
        {
            parsed.AddIssue("timestamp.column.name", $"is required with mode={mode}");
        }
        if (options.ConnectionUrl.Length > 0)
        {
            try
            {
                _ = Dialects.SqlConnectionUrl.Parse(
                    options.ConnectionUrl,
                    options.ConnectionUser,
                    options.ConnectionPassword?.Value
                );
            }
            catch (FormatException e)
            {
                parsed.AddIssue("connection.url", e.Message);
            }
        }
        parsed.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without the password.</summary>
    public override string ToString() =>
        $"SqlSourceOptions {{ connection.url = {UrlRedaction.Redact(ConnectionUrl)}, connection.user = {ConnectionUser}, connection.password = [hidden], mode = {Mode}, table.whitelist = {string.Join(",", Tables)}, query = {Query}, topic.prefix = {TopicPrefix} }}";
}
