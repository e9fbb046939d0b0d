using Scalability.GrainInterfaces.Quality;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Costing;
using Scalability.Grains.Reporting;

namespace Scalability.Tests.Reporting;

/// <summary>
/// A finished two-silo job with known figures: 1,000 rows in 25 s, five samples 5 s apart, four decisions of which two
/// fall inside the job's window (one of them manual, with markup in its reason).
/// </summary>
internal static class ReportFixtures
{
    public const string SiloA = "10.0.0.1:11111@1";
    public const string SiloB = "10.0.0.2:11111@2";
    public const string ManualReason = "manual: <script>alert('x')</script> & a burst (held until 10:10:00 UTC)";
    public const string AutomaticReason = "throughput flat for 3 windows: one worker less";

    public static readonly DateTime Submitted = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);

    public static DateTime At(double seconds) => Submitted.AddSeconds(seconds);

    public static JobSpec Spec { get; } = new("/data/tickets.csv", "/data/out.csv", ChunkSize: 100, MaxWorkers: 8);

    // The job estimated itself at 20 s and $2.00 once planned.
    public static JobDetails Details(bool finished) => new("job-1", Spec, Submitted, At(5), finished ? At(25) : null, 2m, 20);

    public static JobSample[] Timeline(int samples = 5)
    {
        int[] a = [2, 2, 3, 1, 0], b = [1, 2, 2, 1, 0], cluster = [4, 4, 6, 6, 6];
        long[] processed = [0, 200, 500, 800, 1000];
        decimal[] cost = [0m, 0.5m, 1.25m, 2m, 2.5m];
        return Enumerable.Range(0, samples).Select(i => new JobSample(
            At(5 + 5 * i), processed[i], processed[i] - i * 2, i * 2, i == 4 ? 2 : 0, i == 0 ? 0 : (processed[i] - processed[i - 1]) / 5.0,
            i * 2, new SortedDictionary<string, int>(StringComparer.Ordinal) { [SiloA] = a[i], [SiloB] = b[i] },
            processed[i] + i, i * 3, cost[i], i == 4 ? 0 : 20 - 5 * i, cluster[i], 40 + i, 90 + i, 50 + i, 10 + i)).ToArray();
    }

    public static ScalingDecision[] Decisions() =>
    [
        Decision(-10, 2, 4, "silo 10.0.0.2:11111@2 joined with 2 workers", manual: false),
        Decision(8, 4, 6, ManualReason, manual: true),
        Decision(16, 6, 5, AutomaticReason, manual: false),
        Decision(40, 5, 4, "after the job", manual: false),
    ];

    private static ScalingDecision Decision(double seconds, int from, int to, string reason, bool manual) => new(
        At(seconds), from, to, new SortedDictionary<string, int>(StringComparer.Ordinal) { [SiloA] = (to + 1) / 2, [SiloB] = to / 2 },
        reason, manual, new ClusterMetrics(2, from, from, from, 40, 41, 91, 0.01, 0.02, 0.5, 0.1, 3, 4));

    public static JobProgress Progress(bool finished) => new("job-1", finished ? JobStatus.Completed : JobStatus.Running, 1000,
        finished ? 1000 : 640, finished ? new RowCounts(990, 8, 2) : new RowCounts(600, 4, 0), 10, finished ? 10 : 6, finished ? 0 : 3,
        finished ? 25 : 17, finished ? 40 : 53.3, finished ? 0 : 7, null,
        new SortedDictionary<string, long>(StringComparer.Ordinal) { [SiloA] = finished ? 600 : 400, [SiloB] = finished ? 400 : 200 },
        new ProcessingUsage(finished ? 50_000 : 30_000, finished ? 9_000 : 5_000, finished ? 2.5m : 1.5m, finished ? 1004 : 604, 12));

    public static JobSummary Summary() => new("job-1", JobStatus.Completed, "/data/tickets.csv", 1000, 990, 8, 2, "/data/out.csv", null,
        25, 40, 10, 1, "ticket_id", ["subject", "body"],
        new SortedDictionary<string, long>(StringComparer.Ordinal) { ["billing"] = 600, ["refund"] = 390 }, null,
        new SortedDictionary<string, long>(StringComparer.Ordinal) { [SiloA] = 600, [SiloB] = 400 }, 50_000, 9_000, 2.5m,
        new SortedDictionary<string, long>(StringComparer.Ordinal) { ["timeout"] = 8 }, 1004, 12, Quality: Quality());

    public const string MarkupId = "<b onmouseover=alert(1)>T-7</b>";

    /// <summary>The figures of 990 categorized rows, one proposal with markup in an example id.</summary>
    public static QualitySection Quality() => new(0.5, "other", 990,
        [
            new CategoryQuality("billing", 600, 60.6, new ConfidenceQuartiles(0.31, 0.52, 0.64, 0.77, 0.95)),
            new CategoryQuality("refund", 390, 39.4, new ConfidenceQuartiles(0.2, 0.41, 0.5, 0.66, 0.9)),
        ],
        new ConfidenceQuartiles(0.2, 0.45, 0.6, 0.72, 0.95),
        new ReviewCounts(212, 21.4, 212, 0, "/data/out.csv.review.csv"),
        [new LanguageShare("en", 700, 70.7), new LanguageShare("unknown", 290, 29.3)],
        [new ProposedCategory(["gift card", "balance"], 57, 26.9, ["T-1", MarkupId, "T-9"], 0.512)],
        new ProposalRun(212, 212, 340, 9, 0.004, 0.061, null));

    public static ScalingReport Finished() => ScalingReportBuilder.Build(Details(finished: true), Progress(finished: true), Summary(),
        Timeline(), Decisions(), ReportEstimate.OfJob(Details(finished: true), 1000), At(60), Reference());

    public static ScalingReport Running() => ScalingReportBuilder.Build(Details(finished: false), Progress(finished: false), null,
        Timeline(4), Decisions(), ReportEstimate.OfJob(Details(finished: false), 1000), At(17), Reference());

    private static ReferenceProfile Reference() => ReferenceProfiles.For(ResourceProfiles.Default.For(1000), 1000, Spec.EffectiveProcessor);
}
