using System.CommandLine;
using Scalability.Cli;
using Scalability.Cli.Commands;

var root = new RootCommand("scale: categorize and summarize customer-support tickets from CSV, at any size, on Orleans.")
{
    AnalyzeCommand.Create(),
    OptimizeCommand.Create(),
    RunCommand.Create(),
    TrainCommand.Create(),
    GenerateCommand.Create(),
    StatusCommand.Create(),
    ReportCommand.Create(),
    ScaleCommand.Create(),
    DashboardCommand.Create(),
    SiloCommand.Create(),
    DbCommand.Create(),
};

// The parser keeps one table of the root's and the subcommands' names, and the root is named after the program,
// "scale": a subcommand cannot also be called "scale". `scale scale …` is read as `scale manual-scale …`.
var parsed = root.Parse(ScaleCommand.Rename(args));
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    Console.Error.WriteLine("Run 'scale --help' for usage.");
    return ExitCodes.BadInput;
}

// Ctrl+C and SIGTERM cancel the command, which then stops its embedded silo and saves the job. That takes a few
// seconds on a loaded machine; the default grace of two seconds would cut it short and lose the exit code that says
// the job is resumable.
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
