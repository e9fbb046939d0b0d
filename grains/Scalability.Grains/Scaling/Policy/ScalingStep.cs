namespace Scalability.Grains.Scaling.Policy;

/// <summary>
/// One decision: the cluster's new total worker count, and why in plain words with the figures that drove it, for
/// example "429s at 3.1% of requests: cut 40 → 28 (×0.7)". Equal to the observed count when the policy holds.
/// </summary>
public readonly record struct ScalingStep(int Workers, string Reason);
