using Scalability.Client;
using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.History;
using Scalability.Grains.Ingest;
using Scalability.Grains.Costing;
using Scalability.Grains.History;
using Scalability.Tests.Support;

namespace Scalability.Tests.Cluster;

/// <summary>The cost model through the client library, as a .NET service would plan a run on a cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CostModelGrainTests(ClusterFixture fixture) : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ScalabilityClient _client = new(fixture.Client);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_seeds_example_100K_tickets_for_500_dollars_4_hours_and_8_GB_gets_a_plan_a_cost_range_and_an_optimal_cost_per_ticket()
    {
        var request = PlanningRequest.ForTickets(100_000, new Workload(Workload.Llm, "gpt-4o-mini"));
        var limits = new PlanningLimits(BudgetUsd: 500, TimeLimitHours: 4, MemoryLimitGb: 8);

        var plan = await _client.OptimizeAsync(request, limits);
        var analysis = await _client.AnalyzeCostAsync(request, limits);

        Assert.True(plan.Feasible, plan.Explanation);
        Assert.True(CostOptimizer.Meets(plan.Best!, limits));
        Assert.Equal(limits, plan.Limits);
        Assert.Equal(100_000, analysis.Dataset.Rows);
        Assert.True(analysis.Dataset.Bytes > 0);
        var projection = analysis.Projection;
        Assert.True(projection.CostLowUsd < projection.TotalCostUsd && projection.TotalCostUsd < projection.CostHighUsd);
        Assert.Equal(Math.Round(plan.Best!.TotalCostUsd / 100_000, 6, MidpointRounding.AwayFromZero), analysis.OptimalCostPerTicketUsd);
        Assert.Equal(plan.Best.TotalCostUsd, analysis.Recommendation.Best!.TotalCostUsd);
        // Llm jobs run by other tests on this cluster may have left runs of the model: the plan then rests on them.
        var measured = await fixture.Client.GetGrain<IRunHistoryGrain>(IRunHistoryGrain.Key).GetProfile("llm:gpt-4o-mini");
        var basis = measured is null ? "tickets sampled from synthetic tickets" : $"measured over {measured.Runs} run";
        Assert.Contains(projection.Assumptions, a => a.Contains(basis, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_completed_job_projections_for_its_processor_rest_on_the_measured_runs_and_say_how_many()
    {
        var input = _temp.File("history.csv");
        await using (var file = File.Create(input))
        {
            SyntheticTicketGenerator.Write(file, 5_000, seed: 8);
        }

        var jobId = ScalabilityClient.NewJobId();
        await _client.SubmitAsync(jobId, new JobSpec(input, _temp.File("history-results.csv"), ChunkSize: 500));
        var summary = await _client.WaitForCompletionAsync(jobId);
        var history = fixture.Client.GetGrain<IRunHistoryGrain>(IRunHistoryGrain.Key);
        var run = (await history.GetRuns("local")).Single(r => r.JobId == jobId);
        // A job this small and quick counts only beside a run large and long enough to plan from alone.
        await history.Record(new RunRecord("larger-" + jobId, "local", DateTime.UtcNow, 100_000, 30_000_000, 0.5, 20, 0.5, 40, 256, 0m, null, null));
        var profile = (await history.GetProfile("local"))!;

        var projection = await _client.ProjectAsync(new PlanningRequest(new DatasetShape(50_000, 5_000_000, 90), new Workload(Workload.Local)),
            new RunConfiguration(2, 256, GrainInterfaces.Scaling.TargetMode.Balanced, 1_000));

        Assert.Equal((JobStatus.Completed, 5_000L), (summary.Status, run.Rows));
        Assert.True(run.BusyWorkerSeconds > 0 && run.ProcessSeconds > 0, $"{run}");
        Assert.NotNull(summary.EstimatedDurationSeconds);
        Assert.Equal(summary.EstimatedDurationSeconds, run.EstimatedDurationSeconds);
        Assert.InRange(profile.Runs, 2, RunHistory.RunsUsed);
        Assert.Contains(projection.Assumptions, a => a.Contains($"measured over {profile.Runs} runs of the local processor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_projection_and_a_token_estimate_are_those_of_the_engines_on_the_silos_resources()
    {
        var input = _temp.File("tickets.csv");
        await File.WriteAllTextAsync(input, "id,text\n1,I was charged twice\n2,\n3,Where is my parcel\n");
        var system = await _client.GetSystemProfileAsync();
        var request = new PlanningRequest(new DatasetShape(10_000, 1_000_000, 90), new Workload(Workload.Local));
        var configuration = new RunConfiguration(2, 256, GrainInterfaces.Scaling.TargetMode.CostOptimized, 1_000);

        var projection = await _client.ProjectAsync(request, configuration);
        var tokens = await _client.EstimateTokensAsync(new TokenSampleRequest(input, "gpt-4o-mini"));

        // Other tests on this cluster may have completed local jobs: the grain plans from them.
        var measured = await fixture.Client.GetGrain<IRunHistoryGrain>(IRunHistoryGrain.Key).GetProfile("local");
        Assert.Equal(SystemProfiler.Current(), system);
        Assert.Equal(new CostProjector(request with { System = system, Measured = measured }).Project(configuration).TotalCostUsd, projection.TotalCostUsd);
        Assert.Equal((3, 1 / 3.0), (tokens.SampleSize, tokens.BlankShare));
        Assert.Equal("o200k_base", tokens.Encoding);
    }

    [Fact]
    public async Task A_request_the_engines_refuse_comes_back_as_the_same_error()
    {
        var request = PlanningRequest.ForTickets(1_000, new Workload(Workload.Llm, "house-model"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.OptimizeAsync(request, new PlanningLimits()));

        Assert.StartsWith("no price is known for model 'house-model'", error.Message);
    }
}
