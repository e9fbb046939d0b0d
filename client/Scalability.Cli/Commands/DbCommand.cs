using System.CommandLine;
using Scalability.Silo.Storage;

namespace Scalability.Cli.Commands;

/// <summary><c>scale db init</c>: creates or updates the tables and queries the silos need in a database.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var storage = new Option<string>("--storage")
        {
            Description = "The database: postgres:<connection string> or sqlite:<file>.",
            Required = true,
        };
        var init = new Command("init", "Apply the schema (clustering and grain state) to a database; safe to repeat.") { storage };
        init.SetAction(async (parse, cancellationToken) =>
        {
            DatabaseTarget database;
            try
            {
                database = DatabaseTarget.Parse(parse.GetValue(storage)!, "--storage");
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            try
            {
                await SchemaInstaller.ApplyAsync(database, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.JobFailed;
            }

            Console.Out.WriteLine($"schema applied to {database.Describe()}");
            return ExitCodes.Success;
        });
        return new Command("db", "Database administration.") { init };
    }
}
