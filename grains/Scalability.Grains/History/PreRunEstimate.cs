using Scalability.GrainInterfaces.Costing;
using Scalability.GrainInterfaces.History;
using Scalability.Grains.Costing;

namespace Scalability.Grains.History;

/// <summary>What a job expects of itself once planned: its processor's cost and its duration.</summary>
public sealed record JobEstimate(decimal? CostUsd, double? DurationSeconds, string Basis);

/// <summary>
/// The estimate a job makes when planning ends, for its progress (projected spend before any commit), its summary
/// (estimate against actual) and the history. Cost comes from tokens counted on a sample of the input with the prompt
/// the job will send (llm processor; other processors bill nothing); duration from the processor's past runs when
/// there are some, otherwise from the reference model of <see cref="CostProjector"/>.
/// </summary>
public static class PreRunEstimate
{
    /// <summary>Tokens per ticket on a sample of the input; null for processors not billed per token and for
    /// conversation inputs (whose tickets are joined messages, not the sampled rows).</summary>
    /// <exception cref="Ingest.InputException">The input cannot be sampled.</exception>
    public static TokenEstimate? SampleTokens(JobSpec spec, ColumnMapping mapping, CancellationToken cancellationToken)
    {
        if (spec.EffectiveProcessor.Llm is not { } llm || mapping.IsConversation)
        {
            return null;
        }

        var request = new TokenSampleRequest(spec.InputPath, llm.Model, llm.Categories, llm.SummaryMaxWords, llm.MaxOutputTokens,
            mapping.IdColumn, mapping.TextColumns);
        return TokenEstimator.ForInput(request, cancellationToken).Tokens;
    }

    /// <summary>
    /// The job's estimate, by the same projection <c>scale analyze</c> and <c>scale optimize</c> make: from the
    /// processor's runs most like this input when there are some (the same weighting), else from the reference model.
    /// </summary>
    public static JobEstimate Make(
        JobSpec spec, DatasetManifest manifest, TokenEstimate? tokens, IReadOnlyList<RunRecord> history, int clusterWorkers, SystemProfile system)
    {
        var processor = spec.EffectiveProcessor;
        var workload = processor.Llm is { } llm
            ? new Workload(Workload.Llm, llm.Model, llm.InputUsdPerMillion, llm.OutputUsdPerMillion)
            : new Workload(processor.Kind);
        var rows = manifest.RowCount;
        var chunks = Math.Max(1, manifest.Chunks.Length);
        var measured = RunHistory.Profile(history, rows, manifest.ByteSize);
        var projector = new CostProjector(new PlanningRequest(new DatasetShape(rows, manifest.ByteSize, 0), workload, tokens, measured, system));
        // As many workers as the runs kept busy, rounded up (the AutoScaler tends to settle a processor where it settled
        // before; the projection keeps them busy the share the runs did), or the cluster's workers now before any run.
        var workers = measured is not null
            ? RunHistory.WorkersKeptBusy(RunHistory.ExpectedBusyWorkers(history, clusterWorkers, chunks))
            : Math.Max(1, Math.Min(clusterWorkers > 0 ? clusterWorkers : system.Cores, chunks));
        var projection = projector.Project(projector.ReferenceConfiguration() with
        {
            Workers = workers,
            ChunkSize = Math.Max(1, (int)Math.Min(int.MaxValue, (rows + chunks - 1) / chunks)),
        });
        decimal? cost = tokens is not null || measured?.ProcessorCostPerTicketUsd is not null ? projection.ProcessorUsd : null;
        var key = RunHistory.ProcessorKey(processor);
        var basis = measured is not null
            ? $"duration from {measured.Runs} earlier run(s) of the {key} processor at {workers} busy worker(s)"
            : $"duration from the reference model at {workers} workers (no earlier run of the {key} processor)";
        return new JobEstimate(cost, projection.DurationHours * 3600, basis);
    }
}
