using KConnector.Connectors.Configuration;

namespace KConnector.Connectors.Sql.Configuration;

/// <summary>
/// The SQL sink's configuration, with the keys, meanings and defaults of Confluent's JDBC sink
/// connector (<c>JdbcSinkConfig</c>). Parse it from a connector's properties with <see cref="Parse"/>.
/// </summary>
public sealed record SqlSinkOptions
{
    /// <summary>Every key the SQL sink reads; its docs table is generated from this list.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } =
    [
        ConfigKey.Require(
            "connection.url",
            ConfigType.String,
            ConfigImportance.High,
            "JDBC-style URL of the database: jdbc:postgresql://host:port/database, jdbc:sqlite:path or jdbc:mysql://host:port/database (MySQL: SQL only, no driver yet)."
        ),
        new("connection.user", ConfigType.String, null, ConfigImportance.High, "Database user."),
        new(
            "connection.password",
            ConfigType.Password,
            null,
            ConfigImportance.High,
            "Database password; never logged."
        ),
        new(
            "insert.mode",
            ConfigType.String,
            "insert",
            ConfigImportance.High,
            "How records are written: insert (plain INSERT), upsert (insert or update by key, idempotent) or update (UPDATE by key)."
        )
        {
            ValidValues = ["insert", "upsert", "update"],
        },
        new(
            "pk.mode",
            ConfigType.String,
            "none",
            ConfigImportance.High,
            "Where the primary key comes from: none, kafka (topic, partition, offset), record_key or record_value."
        )
        {
            ValidValues = ["none", "kafka", "record_key", "record_value"],
        },
        new(
            "pk.fields",
            ConfigType.List,
            "",
            ConfigImportance.Medium,
            "Key column names. record_key: the key's fields (default all), or the column name of a primitive key (default __connect_key); record_value: value fields (default all); kafka: three names (default __connect_topic,__connect_partition,__connect_offset)."
        ),
        new(
            "fields.whitelist",
            ConfigType.List,
            "",
            ConfigImportance.Medium,
            "Value fields to write; empty means all."
        ),
        new(
            "table.name.format",
            ConfigType.String,
            "${topic}",
            ConfigImportance.Medium,
            "The destination table name; ${topic} is replaced by the record's topic. May be schema-qualified (schema.table)."
        ),
        new(
            "auto.create",
            ConfigType.Boolean,
            "false",
            ConfigImportance.Medium,
            "Create the destination table (CREATE TABLE) from the record schema when it is missing."
        ),
        new(
            "auto.evolve",
            ConfigType.Boolean,
            "false",
            ConfigImportance.Medium,
            "Add a column (ALTER TABLE ADD) for each optional field (nullable) or defaulted field (with its DEFAULT) the table lacks."
        ),
        new(
            "delete.enabled",
            ConfigType.Boolean,
            "false",
            ConfigImportance.Medium,
            "Delete the row by key when a record's value is null (a tombstone). Requires pk.mode=record_key."
        ),
        new(
            "batch.size",
            ConfigType.Int,
            "3000",
            ConfigImportance.Medium,
            "Records written in one transaction, when enough are buffered; flush writes the rest."
        ),
        new(
            "max.retries",
            ConfigType.Int,
            "10",
            ConfigImportance.Medium,
            "How many times a failed batch is retried (in a new transaction) before the error reaches the worker."
        ),
        new(
            "retry.backoff.ms",
            ConfigType.Int,
            "3000",
            ConfigImportance.Medium,
            "Pause between retries of a failed batch, in milliseconds."
        ),
        new(
            "errors.tolerance",
            ConfigType.String,
            "none",
            ConfigImportance.Medium,
            "Kafka Connect's worker key, read as the JDBC sink reads it: none fails the put on a failed batch; all writes a failed batch's records one by one and reports those that still fail (SinkRecordsFailedException) for the dead-letter queue."
        )
        {
            ValidValues = ["none", "all"],
        },
    ];

    /// <summary>connection.url.</summary>
    public required string ConnectionUrl { get; init; }

    /// <summary>connection.user.</summary>
    public string? ConnectionUser { get; init; }

    /// <summary>connection.password (a secret: excluded from <see cref="ToString"/>).</summary>
    public string? ConnectionPassword { get; init; }

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

    /// <summary>Parses and validates <paramref name="properties"/>; every problem names its key.</summary>
    /// <exception cref="ConnectorConfigException">The configuration is invalid.</exception>
    public static SqlSinkOptions Parse(IReadOnlyDictionary<string, string> properties)
    {
        var config = new ConfigReader("SQL sink", Keys, properties);
        var options = new SqlSinkOptions
        {
            ConnectionUrl = config.GetRequiredString("connection.url"),
            ConnectionUser = config.GetString("connection.user"),
            ConnectionPassword = config.GetString("connection.password"),
            InsertMode = config.GetString("insert.mode") switch
            {
                "upsert" => InsertMode.Upsert,
                "update" => InsertMode.Update,
                _ => InsertMode.Insert,
            },
            PrimaryKeyMode = config.GetString("pk.mode") switch
            {
                "kafka" => PrimaryKeyMode.Kafka,
                "record_key" => PrimaryKeyMode.RecordKey,
                "record_value" => PrimaryKeyMode.RecordValue,
                _ => PrimaryKeyMode.None,
            },
            PrimaryKeyFields = config.GetList("pk.fields"),
            FieldsWhitelist = config.GetList("fields.whitelist"),
            TableNameFormat = config.GetRequiredString("table.name.format"),
            AutoCreate = config.GetBoolean("auto.create"),
            AutoEvolve = config.GetBoolean("auto.evolve"),
            DeleteEnabled = config.GetBoolean("delete.enabled"),
            BatchSize = config.GetInt("batch.size", min: 1),
            MaxRetries = config.GetInt("max.retries", min: 0),
            RetryBackoffMs = config.GetInt("retry.backoff.ms", min: 0),
            ErrorsToleranceAll = config.GetString("errors.tolerance") == "all",
        };
        // Cross-key rules of JdbcSinkConfig / JdbcSinkTask.
        if (options.DeleteEnabled && options.PrimaryKeyMode != PrimaryKeyMode.RecordKey)
        {
            config.AddError(
                "delete.enabled",
                "true requires pk.mode=record_key (a tombstone carries only its key)"
            );
        }
        if (
            options.InsertMode != InsertMode.Insert
            && options.PrimaryKeyMode == PrimaryKeyMode.None
        )
        {
            config.AddError(
                "insert.mode",
                $"{options.InsertMode.ToString().ToLowerInvariant()} needs a primary key: set pk.mode"
            );
        }
        if (
            options.PrimaryKeyMode == PrimaryKeyMode.Kafka
            && options.PrimaryKeyFields.Count is not (0 or 3)
        )
        {
            config.AddError(
                "pk.fields",
                "with pk.mode=kafka, give exactly three names (topic, partition, offset columns) or none"
            );
        }
        if (config.IsSet("connection.url"))
        {
            try
            {
                _ = Dialects.SqlConnectionUrl.Parse(
                    options.ConnectionUrl,
                    options.ConnectionUser,
                    options.ConnectionPassword
                );
            }
            catch (FormatException e)
            {
                config.AddError("connection.url", e.Message);
            }
        }
        config.ThrowIfInvalid();
        return options;
    }

    /// <summary>The options without the password.</summary>
    public override string ToString() =>
        $"SqlSinkOptions {{ connection.url = {ConnectionUrl}, connection.user = {ConnectionUser}, connection.password = [hidden], insert.mode = {InsertMode}, pk.mode = {PrimaryKeyMode}, pk.fields = {string.Join(",", PrimaryKeyFields)}, table.name.format = {TableNameFormat}, auto.create = {AutoCreate}, auto.evolve = {AutoEvolve}, delete.enabled = {DeleteEnabled}, batch.size = {BatchSize} }}";
}
