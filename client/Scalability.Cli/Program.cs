using Scalability.Cli;

var parsed = ScaleCommandLine.Parse(ScaleCommandLine.CreateRoot(), args);
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
return await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
