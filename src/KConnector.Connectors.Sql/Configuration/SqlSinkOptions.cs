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
    public static ConfigDefinition Definition { get; } =
        new(
            "KConnector.Connectors.Sql.SqlSink",
            [
                new ConfigKey
                {
                    Name = "connection.url",
                    Type = ConfigType.String,
                    Required = true,
                    Importance = ConfigImportance.High,
                    Documentation =
                        "JDBC-style URL of the database: jdbc:postgresql://host:port/database, jdbc:sqlite:path or jdbc:mysql://host:port/database (MySQL: SQL only, no driver yet).",
                },
                SqlCredentialKeys.User,
                SqlCredentialKeys.Password,
                new ConfigKey
                {
                    Name = "insert.mode",
                    Type = ConfigType.String,
                    DefaultValue = "insert",
                    Importance = ConfigImportance.High,
                    Documentation =
                        "How records are written: insert (plain INSERT), upsert (insert or update by key, idempotent) or update (UPDATE by key).",
                    OneOf = ["insert", "upsert", "update"],
                },
                new ConfigKey
                {
                    Name = "pk.mode",
                    Type = ConfigType.String,
                    DefaultValue = "none",
                    Importance = ConfigImportance.High,
                    Documentation =
                        "Where the primary key comes from: none, kafka (topic, partition, offset), record_key or record_value.",
                    OneOf = ["none", "kafka", "record_key", "record_value"],
                },
                new ConfigKey
                {
                    Name = "pk.fields",
                    Type = ConfigType.List,
                    DefaultValue = "",
                    Importance = ConfigImportance.Medium,
                    Documentation =
                        "Key column names. record_key: the key's fields (default all), or the column name of a primitive key (default __connect_key); record_value: value fields (default all); kafka: three names (default __connect_topic,__connect_partition,__connect_offset).",
                },
                new ConfigKey
                {
                    Name = "fields.whitelist",
                    Type = ConfigType.List,
                    DefaultValue = "",
                    Importance = ConfigImportance.Medium,
                    Documentation = "Value fields to write; empty means all.",
                },
                new ConfigKey
                {
                    Name = "table.name.format",
                    Type = ConfigType.String,
                    DefaultValue = "${topic}",
                    Importance = ConfigImportance.Medium,
                    Documentation =
                        "The destination table name; ${topic} is replaced by the record's topic. May be schema-qualified (schema.table).",
                },
                new ConfigKey
                {
                    Name = "auto.create",
                    Type = ConfigType.Boolean,
                    DefaultValue = "false",
                    Importance = ConfigImportance.Medium,
                    Documentation =
                        "Create the destination table (CREATE TABLE) from the record schema when it is missing.",
                },
                new ConfigKey
                {
                    Name = "auto.evolve",
                    Type = ConfigType.Boolean,
                    DefaultValue = "false",
                    Importance = ConfigImportance.Medium,
                    Documentation =
                        "Add a column (ALTER TABLE ADD) for each optional field (nullable) or defaulted field (with its DEFAULT) the table lacks.",
                },
                new ConfigKey
                {
                    Name = "delete.enabled",
                    Type = ConfigType.Boolean,
                    DefaultValue = "false",
                    Importance = ConfigImportance.Medium,
                    Documentation =
                        "Delete the row by key when a record's value is null (a tombstone). Requires pk.mode=record_key.",
                },
                new ConfigKey
                {
                    Name = "batch.size",
                    Type = ConfigType.Int,
                    DefaultValue = "3000",
                    Importance = ConfigImportance.Medium,
                    Documentation =
                        "Records written in one transaction, when enough are buffered; flush writes the rest.",
                    Min = 1,
                },
                new ConfigKey
                {
                    Name = "max.retries",
                    Type = ConfigType.Int,
                    DefaultValue = "10",
                    Importance = ConfigImportance.Medium,
                    Documentation =
                        "How many times a failed batch is retried (in a new transaction) before the error reaches the worker.",
                    Min = 0,
                },
                new ConfigKey
                {
                    Name = "retry.backoff.ms",
                    Type = ConfigType.Int,
                    DefaultValue = "3000",
                    Importance = ConfigImportance.Medium,
                    Documentation = "Pause between retries of a failed batch, in milliseconds.",
                    Min = 0,
                },
                new ConfigKey
                {
                    Name = "errors.tolerance",
                    Type = ConfigType.String,
                    DefaultValue = "none",
                    Importance = ConfigImportance.Medium,
                    Documentation =
                        "Kafka Connect's worker key, read as the JDBC sink reads it: none fails the put on a failed batch; all writes a failed batch's records one by one and reports those that still fail (SinkRecordsFailedException) for the dead-letter queue.",
                    OneOf = ["none", "all"],
                },
            ]
        );

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
