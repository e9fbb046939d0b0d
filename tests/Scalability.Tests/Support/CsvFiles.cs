using CsvHelper;

namespace Scalability.Tests.Support;

/// <summary>Reads CSV files back for assertions, with CsvHelper, as a user's tool would.</summary>
public static class CsvFiles
{
    public sealed record Table(string[] Header, List<string[]> Rows)
    {
        public int Column(string name) => Array.IndexOf(Header, name) is var i and >= 0
            ? i
            : throw new ArgumentException($"no column '{name}' in {string.Join(", ", Header)}");

        public IEnumerable<string> Values(string column)
        {
            var index = Column(column);
            return Rows.Select(r => r[index]);
        }
    }

    public static Table Read(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = true }, FileOptions.SequentialScan);
        var header = reader.Headers.ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return new Table(header, rows);
    }
}
