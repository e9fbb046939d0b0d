namespace Scalability.Grains.Security;

/// <summary>
/// The folders this silo's jobs may read their input from and write their output to. A silo with none reads and
/// writes no job file: a cluster's silos are given theirs by their operator.
/// </summary>
public sealed class DataRootOptions
{
    /// <summary>The environment variable <c>scale silo</c> reads roots from, separated like <c>PATH</c>.</summary>
    public const string Variable = "SCALE_DATA_ROOTS";

    public List<string> Roots { get; set; } = [];

    /// <summary>
    /// Any path is allowed: for a silo inside a command's own process, whose user could open the files anyway.
    /// </summary>
    public bool AnyPath { get; set; }
}
