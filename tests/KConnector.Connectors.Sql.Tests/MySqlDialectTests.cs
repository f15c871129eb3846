using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Dialects;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// The MySQL dialect's SQL text. No ADO.NET MySQL provider restores here, so these statements are
/// checked as text against MySQL's documented syntax, not against a server (see docs/connectors/sql-sink.md).
/// </summary>
public sealed class MySqlDialectTests
{
    private static readonly SqlColumn[] Columns =
    [
        new("id", FieldType.Long, false, true),
        new("name", FieldType.String, false, true),
        new("amount", FieldType.Double, false, false),
        new("note", FieldType.String, true, false),
        new("blob", FieldType.Bytes, true, false),
    ];

    private readonly MySqlDialect _dialect = new();

    [Fact]
    public void CreateTable_UsesBackticksAndBoundedKeyTypes()
    {
        Assert.Equal(
            "CREATE TABLE `shop`.`orders` (`id` BIGINT NOT NULL, `name` VARCHAR(256) NOT NULL, `amount` DOUBLE NOT NULL, `note` TEXT NULL, `blob` BLOB NULL, PRIMARY KEY(`id`, `name`))",
            _dialect.CreateTable("shop.orders", Columns)
        );
    }

    [Fact]
    public void Upsert_IsInsertOnDuplicateKeyUpdate()
    {
        var statement = _dialect.Upsert("orders", Columns);
        Assert.Equal(
            "INSERT INTO `orders` (`id`, `name`, `amount`, `note`, `blob`) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE `amount` = VALUES(`amount`), `note` = VALUES(`note`), `blob` = VALUES(`blob`)",
            statement.Text
        );
        Assert.Equal([0, 1, 2, 3, 4], statement.ParameterColumns);
    }

    [Fact]
    public void Update_BindsValuesThenKeys()
    {
        var statement = _dialect.Update("orders", Columns);
        Assert.Equal(
            "UPDATE `orders` SET `amount` = ?, `note` = ?, `blob` = ? WHERE `id` = ? AND `name` = ?",
            statement.Text
        );
        Assert.Equal([2, 3, 4, 0, 1], statement.ParameterColumns);
    }

    [Fact]
    public void DeleteAndAddColumn_AreMySqlSyntax()
    {
        Assert.Equal(
            "DELETE FROM `orders` WHERE `id` = ? AND `name` = ?",
            _dialect.Delete("orders", Columns).Text
        );
        Assert.Equal(
            "ALTER TABLE `orders` ADD `note` TEXT NULL",
            _dialect.AddColumn("orders", Columns[3])
        );
        Assert.Equal("`we``ird`", _dialect.QuoteIdentifier("we`ird"));
    }

    [Theory]
    [InlineData("jdbc:mysql://127.0.0.1:3307/shop", "MySQL database shop at 127.0.0.1:3307")]
    [InlineData("jdbc:mariadb://127.0.0.1:3307/shop", "MariaDB database shop at 127.0.0.1:3307")]
    public void Url_BecomesAMySqlConnectorConnection_WithTheCredentialsQuoted(
        string jdbcUrl,
        string described
    )
    {
        var url = SqlConnectionUrl.Parse(jdbcUrl, "u", "p;Server=elsewhere");

        Assert.IsType<MySqlDialect>(url.Dialect);
        Assert.Equal(described, url.Database);
        using var connection = url.Dialect.CreateConnection(url.ConnectionString);
        Assert.IsType<MySqlConnector.MySqlConnection>(connection);
        var settings = new MySqlConnector.MySqlConnectionStringBuilder(url.ConnectionString);
        Assert.Equal("127.0.0.1", settings.Server);
        Assert.Equal(3307u, settings.Port);
        Assert.Equal("shop", settings.Database);
        Assert.Equal("u", settings.UserID);
        Assert.Equal("p;Server=elsewhere", settings.Password);
    }
}
