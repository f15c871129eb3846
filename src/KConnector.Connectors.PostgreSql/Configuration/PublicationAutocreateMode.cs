namespace KConnector.Connectors.PostgreSql.Configuration;

/// <summary>publication.autocreate.mode, as Debezium's PostgreSQL connector names its modes.</summary>
public enum PublicationAutocreateMode
{
    /// <summary>all_tables: CREATE PUBLICATION ... FOR ALL TABLES when it is missing.</summary>
    AllTables,

    /// <summary>disabled: the publication must exist.</summary>
    Disabled,

    /// <summary>filtered: the publication holds exactly the tables the include and exclude lists select.</summary>
    Filtered,
}
