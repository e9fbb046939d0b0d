using System.CommandLine;
using Scalability.Cli.Commands;

namespace Scalability.Cli;

/// <summary>
/// The <c>scale</c> command line: its root command and how arguments are read. Deployment files that run <c>scale</c>
/// (the container image, compose and Kubernetes manifests) are checked against this same definition.
/// </summary>
internal static class ScaleCommandLine
{
    public static RootCommand CreateRoot() => new("scale: categorize and summarize customer-support tickets from CSV, at any size, on Orleans.")
    {
        AnalyzeCommand.Create(),
        OptimizeCommand.Create(),
        RunCommand.Create(),
        TrainCommand.Create(),
        GenerateCommand.Create(),
        StatusCommand.Create(),
        JobControlCommands.Pause(),
        JobControlCommands.Resume(),
        JobControlCommands.Cancel(),
        ReportCommand.Create(),
        ScaleCommand.Create(),
        DashboardCommand.Create(),
        SiloCommand.Create(),
        DbCommand.Create(),
        HistoryCommand.Create(),
    };

    /// <summary>Parses <paramref name="args"/> as the program does, without running anything.</summary>
    /// <remarks>
    /// The parser keeps one table of the root's and the subcommands' names, and the root is named after the program,
    /// "scale": a subcommand cannot also be called "scale". <c>scale scale …</c> is read as <c>scale manual-scale …</c>.
    /// </remarks>
    public static ParseResult Parse(RootCommand root, string[] args) => root.Parse(ScaleCommand.Rename(args));
}
