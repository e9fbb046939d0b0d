using Scalability.GrainInterfaces.Costing;

namespace Scalability.Tests.Costing;

/// <summary>Requests for the cost planning tests, on a fixed system so that answers do not depend on the machine.</summary>
internal static class Planning
{
    public static readonly SystemProfile TwoCores = new(2, 16L * 1024 * 1024 * 1024);

    public static readonly TokenEstimate Tokens200In40Out = new("o200k_base", 400, 200, 190, 210, 40, 30, 60);

    public static PlanningRequest Local(long rows, double bytesPerRow = 100, SystemProfile? system = null, int maxWorkers = 64) =>
        new(new DatasetShape(rows, (long)(rows * bytesPerRow), bytesPerRow * 0.9), new Workload(Workload.Local),
            System: system ?? TwoCores, MaxWorkers: maxWorkers);

    public static PlanningRequest Llm(
        long rows, TokenEstimate? tokens = null, double? requestsPerMinute = null, MeasuredProfile? measured = null, int maxWorkers = 64) =>
        new(new DatasetShape(rows, rows * 400, 350), new Workload(Workload.Llm, "gpt-4o-mini", RequestsPerMinute: requestsPerMinute),
            tokens ?? Tokens200In40Out, measured, TwoCores, maxWorkers);
}
