using Scalability.GrainInterfaces.Costing;
using Scalability.Grains.Costing;

namespace Scalability.Tests.Costing;

public sealed class CostOptimizerTests
{
    [Fact]
    public void The_seeds_example_100K_tickets_for_500_dollars_4_hours_and_8_GB_is_feasible_within_every_limit()
    {
        var limits = new PlanningLimits(500, 4, 8);
        var optimizer = new CostOptimizer(new CostProjector(Planning.Llm(100_000)));

        var result = optimizer.Optimize(limits);

        Assert.True(result.Feasible, result.Explanation);
        var best = result.Best!;
        Assert.True(CostOptimizer.Meets(best, limits));
        Assert.Equal(CostOptimizer.MaxAlternatives, result.Alternatives.Length);
        Assert.All(result.Alternatives, a => Assert.True(CostOptimizer.Meets(a, limits) && a.TotalCostUsd >= best.TotalCostUsd));
        // The tokens are most of it: 100,000 × (200 × $0.15 + 40 × $0.60) per million.
        Assert.Equal(5.40m, best.ProcessorUsd);
        Assert.StartsWith("cheapest: ", result.Explanation);
    }

    [Fact]
    public void A_deadline_that_needs_more_workers_than_the_cheapest_run_is_the_binding_limit()
    {
        // 40 million local tickets: one worker takes about 17 minutes and is the cheapest (the start-up is paid per
        // worker); 12 minutes need the second core.
        var optimizer = new CostOptimizer(new CostProjector(Planning.Local(40_000_000)));

        var result = optimizer.Optimize(new PlanningLimits(TimeLimitHours: 0.2));

        Assert.True(result.Feasible);
        Assert.Equal(2, result.Best!.RunningWorkers);
        Assert.Equal([PlanningLimits.TimeLimit], result.BindingConstraints);
        Assert.EndsWith("binding: time limit (without it a cheaper configuration would do)", result.Explanation);
        Assert.Equal(1, optimizer.Optimize(new PlanningLimits()).Best!.RunningWorkers);
    }

    [Fact]
    public void With_no_limit_binding_the_answer_is_the_cheapest_configuration_there_is()
    {
        var result = new CostOptimizer(new CostProjector(Planning.Local(50_000))).Optimize(new PlanningLimits(BudgetUsd: 100));

        Assert.True(result.Feasible);
        Assert.Empty(result.BindingConstraints);
        Assert.Equal(Planning.TwoCores.AvailableMemoryGb, result.Limits.MemoryLimitGb);
        Assert.EndsWith("no limit is binding (it is the cheapest configuration there is)", result.Explanation);
    }

    [Fact]
    public void A_budget_below_the_cheapest_run_is_infeasible_and_says_how_far_to_raise_it()
    {
        var optimizer = new CostOptimizer(new CostProjector(Planning.Llm(100_000)));
        var limits = new PlanningLimits(BudgetUsd: 1, TimeLimitHours: 4, MemoryLimitGb: 8);

        var result = optimizer.Optimize(limits);

        Assert.False(result.Feasible);
        Assert.Null(result.Best);
        Assert.Equal([PlanningLimits.Budget], result.ViolatedConstraints);
        var relaxation = Assert.Single(result.Relaxations);
        Assert.Equal(limits with { BudgetUsd = relaxation.Limits.BudgetUsd }, relaxation.Limits);
        Assert.Equal($"raise the budget to ${relaxation.Limits.BudgetUsd:N2}", relaxation.Advice);
        Assert.True(optimizer.Optimize(relaxation.Limits).Feasible);
        Assert.False(optimizer.Optimize(relaxation.Limits with { BudgetUsd = relaxation.Limits.BudgetUsd - 0.02m }).Feasible);
        Assert.StartsWith("infeasible: no configuration meets the budget of $1.00, the time limit of 4 hours, the memory limit of 8 GB together; raise the budget to $", result.Explanation);
    }

    [Fact]
    public void A_deadline_the_rate_limit_cannot_meet_is_infeasible_and_says_how_long_to_allow()
    {
        // 600 requests a minute: 10 tickets/s at most, so 100,000 tickets take about 2.8 hours whatever the workers.
        var optimizer = new CostOptimizer(new CostProjector(Planning.Llm(100_000, requestsPerMinute: 600)));

        var result = optimizer.Optimize(new PlanningLimits(TimeLimitHours: 1));

        Assert.False(result.Feasible);
        Assert.Equal([PlanningLimits.TimeLimit], result.ViolatedConstraints);
        var relaxation = Assert.Single(result.Relaxations);
        Assert.InRange(relaxation.Limits.TimeLimitHours!.Value, 100_000 / 10.0 / 3600, 3);
        Assert.Equal($"allow {relaxation.Limits.TimeLimitHours:0.##} hours", relaxation.Advice);
        Assert.True(optimizer.Optimize(relaxation.Limits).Feasible);
    }

    [Fact]
    public void A_memory_limit_below_one_worker_is_infeasible_and_says_how_much_to_allow()
    {
        var optimizer = new CostOptimizer(new CostProjector(Planning.Local(10_000)));

        var result = optimizer.Optimize(new PlanningLimits(MemoryLimitGb: 0.1));

        Assert.False(result.Feasible);
        Assert.Equal([PlanningLimits.MemoryLimit], result.ViolatedConstraints);
        var relaxation = Assert.Single(result.Relaxations);
        // The silo's 256 MB and what one worker needs for its chunk of 10,000 rows (64 MB and about 3 MB), not the 128 MB
        // it is given at least.
        Assert.Equal(Math.Ceiling((256 + 64 + 10_000 * 100 * 3 / 1048576.0) / 1024.0 * 100) / 100, relaxation.Limits.MemoryLimitGb);
        Assert.Equal("allow 0.32 GB of memory", relaxation.Advice);
        Assert.True(optimizer.Optimize(relaxation.Limits).Feasible);
    }

    /// <summary>
    /// The optimizer against the whole search space, projected configuration by configuration, over random datasets,
    /// workloads and limits: every answer meets every limit, nothing feasible is cheaper, an infeasible answer is
    /// right to be one and names a limit, and each relaxation it offers makes the plan feasible.
    /// </summary>
    [Fact]
    public void Against_brute_force_over_random_inputs_the_answer_is_feasible_cheapest_and_its_relaxations_work()
    {
        var random = new Random(20_260_127);
        var (feasibleCases, infeasibleCases) = (0, 0);
        for (var round = 0; round < 60; round++)
        {
            var request = RandomRequest(random);
            var projector = new CostProjector(request);
            var optimizer = new CostOptimizer(projector);
            var everything = Everything(projector, optimizer.Space);
            var cheapestEver = everything.Where(p => p.MemoryPerWorkerSuffices).Min(p => p.TotalCostUsd);
            var limits = new PlanningLimits(
                random.Next(3) == 0 ? null : cheapestEver * (decimal)(0.5 + random.NextDouble() * 2) + 0.0001m,
                random.Next(3) == 0 ? null : everything.Min(p => p.DurationHours) * (0.5 + random.NextDouble() * 4),
                random.Next(3) == 0 ? null : 0.2 + random.NextDouble() * 12);
            var result = optimizer.Optimize(limits);
            var resolved = limits with { MemoryLimitGb = limits.MemoryLimitGb ?? request.System!.AvailableMemoryGb };
            var bruteBest = everything.Where(p => CostOptimizer.Meets(p, resolved)).OrderBy(p => p, CostOptimizer.Cheapest).FirstOrDefault();
            var context = $"round {round}: {request.Dataset} {request.Workload} {limits} → {result.Explanation}";

            Assert.True(result.Feasible == bruteBest is not null, context);
            if (result.Feasible)
            {
                feasibleCases++;
                Assert.True(CostOptimizer.Meets(result.Best!, resolved), context);
                Assert.Equal(bruteBest!.TotalCostUsd, result.Best!.TotalCostUsd);
                Assert.Equal(result.Best.TotalCostUsd, projector.Project(result.Best.Configuration).TotalCostUsd);
                Assert.All(result.Alternatives, a => Assert.True(CostOptimizer.Meets(a, resolved), context));
                foreach (var binding in result.BindingConstraints)
                {
                    var without = binding switch
                    {
                        PlanningLimits.Budget => resolved with { BudgetUsd = null },
                        PlanningLimits.TimeLimit => resolved with { TimeLimitHours = null },
                        _ => resolved with { MemoryLimitGb = null },
                    };
                    Assert.Contains(everything, p => CostOptimizer.Meets(p, without) && p.TotalCostUsd < result.Best.TotalCostUsd);
                }
            }
            else
            {
                infeasibleCases++;
                Assert.NotEmpty(result.ViolatedConstraints);
                Assert.NotEmpty(result.Relaxations);
                foreach (var relaxation in result.Relaxations)
                {
                    Assert.Contains(everything, p => CostOptimizer.Meets(p, relaxation.Limits));
                    Assert.True(optimizer.Optimize(relaxation.Limits).Feasible, $"{context}: {relaxation.Advice}");
                }
            }
        }

        // The random limits reach both kinds of answer often enough for the checks above to mean something.
        Assert.True(feasibleCases >= 15 && infeasibleCases >= 10, $"{feasibleCases} feasible and {infeasibleCases} infeasible cases");
    }

    private static List<CostProjection> Everything(CostProjector projector, SearchSpace space) =>
    [
        .. from workers in space.Workers
           from memory in space.MemoryMbPerWorker
           from mode in space.Modes
           from chunk in space.ChunkSizes
           select projector.Project(new RunConfiguration(workers, memory, mode, chunk)),
    ];

    private static PlanningRequest RandomRequest(Random random)
    {
        var rows = (long)Math.Pow(10, 2 + random.NextDouble() * 4);
        var bytesPerRow = 50 + random.NextDouble() * 3000;
        var maxWorkers = random.Next(1, 65);
        var system = new SystemProfile(random.Next(1, 17), (long)((1 + random.NextDouble() * 31) * 1024 * 1024 * 1024));
        var dataset = new DatasetShape(rows, (long)(rows * bytesPerRow), bytesPerRow * 0.8);
        var workload = random.Next(3) switch
        {
            0 => new Workload(Workload.Local),
            1 => new Workload(Workload.Llm, "gpt-4o-mini", RequestsPerMinute: random.Next(2) == 0 ? null : 30 + random.Next(3000)),
            _ => new Workload("plugin"),
        };
        var tokens = new TokenEstimate("o200k_base", 100, 300, 280, 320, 50, 30, 80);
        var measured = random.Next(3) == 0 ? new MeasuredProfile(0.2 + random.NextDouble() * 5, random.Next(50, 900), null, random.Next(1, 10)) : null;
        return new PlanningRequest(dataset, workload, workload.IsLlm ? tokens : null, measured, system, maxWorkers);
    }
}
