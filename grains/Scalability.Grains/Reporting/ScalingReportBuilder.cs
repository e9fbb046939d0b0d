namespace Scalability.Grains.Reporting;

/// <summary>Builds a <see cref="ScalingReport"/> from what a job and the AutoScaler say about it. Pure: no grains, no clock.</summary>
public static class ScalingReportBuilder
{
    /// <param name="details">The job's spec and times.</param>
    /// <param name="progress">The job's progress now.</param>
    /// <param name="summary">The job's summary once it has finished; its figures are then the report's totals.</param>
    /// <param name="timeline">The job's timeline, oldest first.</param>
    /// <param name="decisions">The AutoScaler's decisions; those outside the job's window are left out.</param>
    /// <param name="estimate">The job's own estimate to compare with, or null for none.</param>
    /// <param name="generatedUtc">The report's time: the end of the window of a job that has not finished.</param>
    /// <param name="reference">The seed's reference profile for the job's rows, shown beside it; null for none.</param>
    public static ScalingReport Build(
        JobDetails details, JobProgress progress, JobSummary? summary, IReadOnlyList<JobSample> timeline,
        IReadOnlyList<ScalingDecision> decisions, ReportEstimate? estimate, DateTime generatedUtc, ReferenceProfile? reference = null)
    {
        var finished = summary is not null && progress.Status.IsFinished();
        var end = details.FinishedUtc ?? generatedUtc;
        var timings = new ReportTimings(
            details.SubmittedUtc,
            details.RunningSinceUtc,
            details.FinishedUtc,
            finished ? summary!.DurationSeconds : Math.Max(0, (end - details.SubmittedUtc).TotalSeconds),
            details.RunningSinceUtc is { } running ? (running - details.SubmittedUtc).TotalSeconds : null);
        var totals = Totals(progress, finished ? summary : null, timeline);
        return new ScalingReport(
            progress.JobId,
            progress.Status,
            summary?.Error ?? progress.Error,
            generatedUtc,
            Spec(details.Spec, summary),
            timings,
            totals,
            Silos(finished ? summary!.RowsPerSilo : progress.RowsPerSilo, timeline),
            timeline.ToArray(),
            decisions.Where(d => d.TimeUtc >= details.SubmittedUtc && d.TimeUtc <= end).OrderBy(d => d.TimeUtc).ToArray(),
            estimate is null ? null : Compare(estimate, finished ? totals : null, timings, finished),
            finished ? summary!.Quality : null,
            reference);
    }

    /// <summary>The processor in words, as the report's spec shows it.</summary>
    public static string DescribeProcessor(ProcessorSpec processor) => processor.Kind switch
    {
        ProcessorSpec.LocalKind => processor.Categorizer == ProcessorSpec.ModelCategorizer
            ? $"local: model categorizer ({processor.ModelPath}), {processor.Summarizer} summarizer"
            : $"local: {processor.Categorizer} categorizer, {processor.Summarizer} summarizer",
        ProcessorSpec.LlmKind when processor.Llm is { } llm => $"llm: model {llm.Model} at {llm.Endpoint}",
        ProcessorSpec.PluginKind => $"plugin: {processor.PluginPath}",
        var kind => kind,
    };

    /// <summary>The spec, with the columns the job used once it has a summary (the spec may have left them to detection).</summary>
    private static ReportSpec Spec(JobSpec spec, JobSummary? summary) => new(
        spec.InputPath,
        spec.OutputPath,
        DescribeProcessor(spec.EffectiveProcessor),
        spec.ChunkSize,
        spec.MaxWorkers,
        summary is null ? spec.IdColumn : summary.IdColumn,
        summary?.TextColumns ?? spec.TextColumns ?? [],
        spec.ConversationColumn);

    private static ReportTotals Totals(JobProgress progress, JobSummary? summary, IReadOnlyList<JobSample> timeline)
    {
        var peakJob = timeline.Count > 0 ? timeline.Max(s => s.RunningPerSilo.Values.Sum()) : 0;
        var peakCluster = timeline.Count > 0 ? timeline.Max(s => s.ClusterWorkers) : 0;
        var empty = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (summary is not null)
        {
            var processed = summary.Messages is { } messages ? messages + summary.Rejected : summary.Ok + summary.Failed + summary.Rejected;
            return new ReportTotals(summary.InputRows, processed, summary.Ok, summary.Failed, summary.Rejected, summary.Messages,
                summary.Conversations, summary.Chunks, progress.ChunksDone, summary.ChunkRetries, summary.TicketsPerSecond,
                summary.TokensIn, summary.TokensOut, summary.CostUsd, summary.Requests, summary.RateLimitedResponses,
                summary.Failures, summary.Categories, peakJob, peakCluster);
        }

        var counts = progress.Counts;
        return new ReportTotals(progress.InputRows, progress.ProcessedRows, counts.Ok, counts.Failed, counts.Rejected,
            counts.Messages > 0 ? counts.Messages : null, null, progress.ChunksTotal, progress.ChunksDone, null,
            progress.TicketsPerSecond, progress.Usage.TokensIn, progress.Usage.TokensOut, progress.Usage.CostUsd,
            progress.Usage.Requests, progress.Usage.RateLimited, empty, empty, peakJob, peakCluster);
    }

    private static SiloTotals[] Silos(IReadOnlyDictionary<string, long> rowsPerSilo, IReadOnlyList<JobSample> timeline)
    {
        var silos = rowsPerSilo.Keys.Concat(timeline.SelectMany(s => s.RunningPerSilo.Keys)).Distinct().Order(StringComparer.Ordinal);
        var allRows = rowsPerSilo.Values.Sum();
        return silos.Select(silo =>
        {
            var rows = rowsPerSilo.TryGetValue(silo, out var r) ? r : 0;
            var running = timeline.Select(s => s.RunningPerSilo.TryGetValue(silo, out var w) ? w : 0).ToArray();
            var workerSeconds = 0.0;
            for (var i = 1; i < timeline.Count; i++)
            {
                workerSeconds += (running[i - 1] + running[i]) / 2.0 * (timeline[i].TimeUtc - timeline[i - 1].TimeUtc).TotalSeconds;
            }

            return new SiloTotals(silo, rows, allRows > 0 ? Math.Round(100.0 * rows / allRows, 1) : 0,
                running.Length > 0 ? running.Max() : 0, Math.Round(workerSeconds, 1));
        }).ToArray();
    }

    private static EstimatesVsActuals Compare(ReportEstimate estimate, ReportTotals? actual, ReportTimings timings, bool finished)
    {
        var estimatedRate = estimate.DurationSeconds > 0 ? estimate.Rows / estimate.DurationSeconds : 0;
        return new EstimatesVsActuals(
            estimate.Source,
            estimate.Rows,
            Comparison(estimate.DurationSeconds, finished ? timings.ElapsedSeconds : null),
            new EstimateComparison<decimal>(estimate.CostUsd, actual?.CostUsd,
                actual is null ? null : Error((double)estimate.CostUsd, (double)actual.CostUsd)),
            Comparison(estimatedRate, actual?.TicketsPerSecond));
    }

    private static EstimateComparison<double> Comparison(double estimated, double? actual) =>
        new(estimated, actual, actual is { } a ? Error(estimated, a) : null);

    /// <summary>The estimate error, (estimate − actual) / actual in percent, to one decimal; null for an actual of 0.</summary>
    public static double? Error(double estimated, double actual) => Costing.EstimateError.Percent(estimated, actual, decimals: 1);
}
