using KConnector.Configuration;

namespace KConnector.Connectors.Sql.Configuration;

/// <summary>
/// The SQL sink's configuration, with the keys, meanings and defaults of Confluent's JDBC sink
/// connector (<c>JdbcSinkConfig</c>). Parse it from a connector's properties with <see cref="Parse"/>.
/// </summary>
public sealed record SqlSinkOptions
{
    /// <summary>
    /// The SQL sink's keys, as a Kafka Connect <c>ConfigDef</c>: its docs table is generated
    /// from them, and <see cref="Parse"/> checks types, ranges and required keys through them.
    /// </summary>
    public static ConfigDefinition Definition =>
        global::KConnector.Connectors.Sql.SqlSink.Definition;

    /// <summary>Every key the SQL sink reads (<see cref="Definition"/>'s keys).</summary>
    public static IReadOnlyList<ConfigKey> Keys => Definition.Keys;

    /// <summary>connection.url.</summary>
    public required string ConnectionUrl { get; init; }

    /// <summary>connection.user.</summary>
    public string? ConnectionUser { get; init; }

    /// <summary>connection.password (a secret: excluded from <see cref="ToString"/>).</summary>
    public Password? ConnectionPassword { get; init; }

    /// <summary>insert.mode.</summary>
    public InsertMode InsertMode { get; init; } = InsertMode.Insert;

    /// <summary>pk.mode.</summary>
    public PrimaryKeyMode PrimaryKeyMode { get; init; } = PrimaryKeyMode.None;

    /// <summary>pk.fields.</summary>
    public IReadOnlyList<string> PrimaryKeyFields { get; init; } = [];

    /// <summary>fields.whitelist.</summary>
    public IReadOnlyList<string> FieldsWhitelist { get; init; } = [];

    /// <summary>table.name.format.</summary>
    public string TableNameFormat { get; init; } = "${topic}";

    /// <summary>auto.create.</summary>
    public bool AutoCreate { get; init; }

    /// <summary>auto.evolve.</summary>
    public bool AutoEvolve { get; init; }

    /// <summary>delete.enabled.</summary>
    public bool DeleteEnabled { get; init; }

    /// <summary>batch.size.</summary>
    public int BatchSize { get; init; } = 3000;

    /// <summary>max.retries.</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>retry.backoff.ms.</summary>
    public int RetryBackoffMs { get; init; } = 3000;

    /// <summary>errors.tolerance = all.</summary>
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
        var options = new SqlSinkOptions
        {
            ConnectionUrl = parsed.Get<string>("connection.url") ?? string.Empty,
            ConnectionUser = parsed.Get<string>("connection.user"),
            ConnectionPassword = parsed.Get<Password>("connection.password"),
            InsertMode = parsed.Get<string>("insert.mode")?.ToLowerInvariant() switch
            {
                "upsert" => InsertMode.Upsert,
                "update" => InsertMode.Update,
                _ => InsertMode.Insert,
            },
            PrimaryKeyMode = parsed.Get<string>("pk.mode")?.ToLowerInvariant() switch
            {
                "kafka" => PrimaryKeyMode.Kafka,
                "record_key" => PrimaryKeyMode.RecordKey,
                "record_value" => PrimaryKeyMode.RecordValue,
                _ => PrimaryKeyMode.None,
            },
            PrimaryKeyFields = parsed.Get<IReadOnlyList<string>>("pk.fields") ?? [],
            FieldsWhitelist = parsed.Get<IReadOnlyList<string>>("fields.whitelist") ?? [],
            TableNameFormat = parsed.Get<string>("table.name.format") ?? "${topic}",
            AutoCreate = parsed.Get<bool>("auto.create"),
            AutoEvolve = parsed.Get<bool>("auto.evolve"),
            DeleteEnabled = parsed.Get<bool>("delete.enabled"),
            BatchSize = parsed.Get<int>("batch.size"),
            MaxRetries = parsed.Get<int>("max.retries"),
            RetryBackoffMs = parsed.Get<int>("retry.backoff.ms"),
            ErrorsToleranceAll = string.Equals(
                parsed.Get<string>("errors.tolerance"),
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
