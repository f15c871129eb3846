using KConnector.Configuration;
using KConnector.Configuration.Framework;

namespace KConnector.Connectors.Sql.Configuration;

/// <summary>
/// The SQL sink's configuration, with the keys, meanings and defaults of Confluent's JDBC sink
/// connector (<c>JdbcSinkConfig</c>). Parse it from a connector's properties with <see cref="Parse"/>.
/// </summary>
[TypedConfigKeys(typeof(SqlSink))]
public sealed partial record SqlSinkOptions
{
    /// <summary>
    /// The SQL sink's keys, as a Kafka Connect <c>ConfigDef</c>: its docs table is generated
    /// from them, and <see cref="Parse"/> checks types, ranges and required keys through them.
    /// </summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.Sql.SqlSink.Definition;

    /// <summary>Every key the SQL sink reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>insert.mode.</summary>
    public InsertMode InsertMode { get; init; }

    /// <summary>pk.mode.</summary>
    [ConfigKeyProperty("pk.mode")]
    public PrimaryKeyMode PrimaryKeyMode { get; init; }

    /// <summary>pk.fields.</summary>
    [ConfigKeyProperty("pk.fields")]
    public IReadOnlyList<string> PrimaryKeyFields { get; init; }

    /// <summary>
    /// Kafka Connect's errors.tolerance is all: a put the database refuses is written record by
    /// record, so only the rows it refuses for their content go to the dead-letter queue (as the
    /// JDBC sink reads the worker's key).
    /// </summary>
    public bool ErrorsToleranceAll { get; init; }

    /// <summary>
    /// Parses and validates the SQL sink's keys of <paramref name="config"/> (a worker's whole
    /// config may be given: other keys are ignored); every issue names its key.
    /// </summary>
    /// <param name="config">The connector's config values.</param>
    /// <param name="resolver">Resolves <c>${env:...}</c> and <c>${file:...}</c> references, when given.</param>
    /// <exception cref="ConfigValidationException">The configuration is invalid.</exception>
    public static SqlSinkOptions Parse(
        IReadOnlyDictionary<string, string?> config,
        ConfigValueResolver? resolver = null
    )
    {
        var parsed = Definition.Parse(config, resolver);
        var options = new SqlSinkOptions(parsed)
        {
            ErrorsToleranceAll = string.Equals(
                config.GetValueOrDefault(ConnectorConfigDefinition.ErrorsToleranceKey)?.Trim(),
                "all",
                StringComparison.OrdinalIgnoreCase
            ),
        };
        // Cross-key rules of JdbcSinkConfig / JdbcSinkTask.
        if (options.DeleteEnabled && options.PrimaryKeyMode != PrimaryKeyMode.RecordKey)
        {
            parsed.AddIssue(
                "delete.enabled",
                "true requires pk.mode=record_key (a tombstone carries only its key)"
            );
        }
        if (
            options.InsertMode != InsertMode.Insert
            && options.PrimaryKeyMode == PrimaryKeyMode.None
        )
        {
            parsed.AddIssue(
                "insert.mode",
                $"{options.InsertMode.ToString().ToLowerInvariant()} needs a primary key: set pk.mode"
            );
        }
        if (
            options.PrimaryKeyMode == PrimaryKeyMode.Kafka
            && options.PrimaryKeyFields.Count is not (0 or 3)
        )
        {
            parsed.AddIssue(
                "pk.fields",
                "with pk.mode=kafka, give exactly three names (topic, partition, offset columns) or none"
            );
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
        $"SqlSinkOptions {{ connection.url = {UrlRedaction.Redact(ConnectionUrl)}, connection.user = {ConnectionUser}, connection.password = [hidden], insert.mode = {InsertMode}, pk.mode = {PrimaryKeyMode}, pk.fields = {string.Join(",", PrimaryKeyFields)}, table.name.format = {TableNameFormat}, auto.create = {AutoCreate}, auto.evolve = {AutoEvolve}, delete.enabled = {DeleteEnabled}, batch.size = {BatchSize} }}";
}
