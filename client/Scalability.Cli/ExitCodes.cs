namespace Scalability.Cli;

/// <summary>The exit codes every command uses, so that scripts can tell outcomes apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The job ran and did not complete (failed or cancelled).</summary>
    public const int JobFailed = 1;

    /// <summary>Bad usage, or an input that cannot be read or used.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// <c>scale optimize</c> answered, and no configuration meets the limits: the answer says which limits to change and
    /// by how much. Distinct from success so that a script can stop before running a plan that does not fit.
    /// </summary>
    public const int Infeasible = 3;

    /// <summary>Interrupted (Ctrl+C) before the job finished; the job is saved and can be resumed.</summary>
    public const int Interrupted = 130;
}
