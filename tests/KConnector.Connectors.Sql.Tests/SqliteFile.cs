using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// A SQLite database file of one test's own under the temp folder (its name starts with
/// <paramref name="prefix"/>), deleted with the test: the pools are cleared first, as SQLite keeps
/// the file open behind a closed connection.
/// </summary>
internal sealed class SqliteFile(string prefix) : IDisposable
{
    /// <summary>The file's path.</summary>
    public string Path { get; } =
        System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            prefix + "-" + Guid.NewGuid().ToString("N") + ".db"
        );

    /// <summary>The file as the JDBC connectors' <c>connection.url</c> names it.</summary>
    public string Url => "jdbc:sqlite:" + Path;

    /// <summary>Runs <paramref name="sql"/> (statements that read nothing).</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection("Data Source=" + Path);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The rows <paramref name="sql"/> reads, each its columns joined by spaces (null as "null").</summary>
    public List<string> Rows(string sql)
    {
        using var connection = new SqliteConnection("Data Source=" + Path);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(Column)));
        }
        return rows;

        string Column(int i) =>
            reader.IsDBNull(i)
                ? "null"
                : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(Path);
    }
}
