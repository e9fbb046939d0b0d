namespace Scalability.Benchmarks;

/// <summary>What the autoscale benchmark found: each fixed worker count, each AutoScaler run, and how they compare.</summary>
/// <param name="BestFixedWorkers">The fixed worker count with the highest steady tickets/s.</param>
internal sealed record AutoScaleReport(
    IReadOnlyList<AutoScaleRun> Fixed,
    IReadOnlyList<AutoScaleRun> AutoScaler,
    int BestFixedWorkers,
    double BestFixedTicketsPerSecond,
    IReadOnlyList<AutoScaleVerdict> Verdicts,
    MachineInfo Machine,
    AutoScaleBenchmarkSettings Settings);

/// <param name="SteadyEndFraction">The steady phase ends once this share of the rows is done.</param>
/// <param name="Target429Fraction">The most 429s, as a share of requests in the steady phase, the target allows.</param>
internal sealed record AutoScaleBenchmarkSettings(
    long Rows,
    int Seed,
    int ChunkSize,
    int Chunks,
    int LatencyMs,
    int RequestsPerSecond,
    double WarmUpSeconds,
    double SteadyEndFraction,
    string Model,
    string PipelineState,
    int DefaultWorkers,
    double TargetRatio,
    double Target429Fraction);

/// <summary>One run: a fixed worker count (AutoScaler off) or an AutoScaler mode.</summary>
/// <param name="Workers">The fixed count; null for an AutoScaler run.</param>
/// <param name="SteadyTicketsPerSecond">Rows committed between the warm-up mark and the steady phase's end, over that time.</param>
/// <param name="JobTicketsPerSecond">The whole job: rows over submit-to-summary seconds.</param>
/// <param name="SteadyRequests">Requests the simulator received in the steady phase, 429s included.</param>
/// <param name="AllRequests">Requests the simulator received over the child's whole life.</param>
/// <param name="JobRateLimited">429s the job itself counted (committed chunks only).</param>
internal sealed record AutoScaleRun(
    string Label,
    int? Workers,
    double SteadyTicketsPerSecond,
    double JobTicketsPerSecond,
    double SteadyFromSeconds,
    double SteadyToSeconds,
    long SteadyRequests,
    long SteadyRateLimited,
    double SteadyRateLimitedFraction,
    long AllRequests,
    long AllRateLimited,
    double AllRateLimitedFraction,
    double JobSeconds,
    double? OtherCoresBusy,
    AutoScalerRunSummary? Scaling,
    long JobRateLimited);

/// <param name="Changes">The AutoScaler's changes of the worker count over the whole job (the silo joining is not one).</param>
/// <param name="SteadyMeanWorkers">Workers over the steady phase, weighted by time.</param>
/// <param name="SteadyChanges">Changes made during the steady phase.</param>
internal sealed record AutoScalerRunSummary(
    int Changes,
    int Cuts,
    int Raises,
    int StartWorkers,
    int FinalWorkers,
    double SteadyMeanWorkers,
    int SteadyMinWorkers,
    int SteadyMaxWorkers,
    int SteadyChanges,
    IReadOnlyList<DecisionPoint> Decisions);

/// <param name="Ratio">The AutoScaler's steady tickets/s over the best fixed count's.</param>
internal sealed record AutoScaleVerdict(string Label, double Ratio, double SteadyRateLimitedFraction, bool RatioMet, bool RateLimitMet);
