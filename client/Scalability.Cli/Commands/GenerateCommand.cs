using System.CommandLine;
using Scalability.Grains.Ingest;

namespace Scalability.Cli.Commands;

/// <summary><c>scale generate</c>: realistic synthetic tickets, the same for the same seed, for scale runs.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var rows = new Option<long>("--rows") { Description = "How many tickets to write.", Required = true };
        var output = new Option<string>("--out") { Description = "The CSV file to write.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed writes the same file.", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Write a CSV of synthetic support tickets (varied categories, lengths, quoting, non-ASCII).")
        {
            rows, output, seed,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(rows);
            if (count < 1)
            {
                Console.Error.WriteLine($"error: --rows must be at least 1 (got {count})");
                return ExitCodes.BadInput;
            }

            var path = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                SyntheticTicketGenerator.Write(stream, count, parse.GetValue(seed));
            }

            Console.Error.WriteLine($"wrote {count:N0} tickets to {path} ({Format.Bytes(new FileInfo(path).Length)})");
            return ExitCodes.Success;
        });
        return command;
    }
}
