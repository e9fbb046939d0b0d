namespace Scalability.Cli;

/// <summary>The exit codes every command uses, so that scripts can tell outcomes apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The job ran and did not complete (failed or cancelled).</summary>
    public const int JobFailed = 1;

    /// <summary>Bad usage, or an input that cannot be read or used.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted (Ctrl+C) before the job finished; the job is saved and can be resumed.</summary>
    public const int Interrupted = 130;
}
