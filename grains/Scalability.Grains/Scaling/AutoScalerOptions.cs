namespace Scalability.Grains.Scaling;

/// <summary>The AutoScaler's timings, and the settings it starts with before a client configures it.</summary>
public sealed class AutoScalerOptions
{
    /// <summary>How often the control loop decides. The policy's damping counts in these steps.</summary>
    public TimeSpan ControlInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A silo silent for this long is taken as gone: its workers are shared among the others.</summary>
    public TimeSpan SiloSilentAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many decisions are kept (the oldest are dropped first).</summary>
    public int DecisionsKept { get; set; } = 2000;

    public AutoScalerSettings Settings { get; set; } = new();
}
