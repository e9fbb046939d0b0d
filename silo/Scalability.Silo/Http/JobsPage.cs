using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Jobs;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Reporting;

namespace Scalability.Silo.Http;

/// <summary>
/// The jobs page on the silo's HTTP endpoint: <c>/jobs</c> lists the cluster's unfinished and recently finished jobs,
/// <c>/jobs/{id}</c> is a job's live page (charts and the decision log, redrawn every second from
/// <c>/api/jobs/{id}</c>), and <c>/api/jobs/{id}/report</c> is the job's scaling report, as <c>scale report</c> writes it.
/// </summary>
public static class JobsPage
{
    public static IEndpointRouteBuilder MapJobsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/jobs", ListPageAsync);
        app.MapGet("/jobs/{id}", JobPageAsync);
        app.MapGet("/api/jobs", ListAsync);
        app.MapGet("/api/jobs/{id}", JobAsync);
        app.MapGet("/api/jobs/{id}/report", ReportAsync);
        return app;
    }

    private static async Task<IResult> ListPageAsync(IGrainFactory grains)
    {
        var jobs = await JobListAsync(grains);
        return Results.Content(JobsPageHtml.List(jobs.Unfinished, jobs.RecentlyFinished), "text/html; charset=utf-8");
    }

    private static async Task<IResult> JobPageAsync(string id, IGrainFactory grains)
    {
        var details = await grains.GetGrain<IJobGrain>(id).GetDetails();
        return details is null
            ? Results.Content(JobsPageHtml.NotFound(id), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
            : Results.Content(JobsPageHtml.Job(id), "text/html; charset=utf-8");
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains) => Json(await JobListAsync(grains));

    private static async Task<IResult> JobAsync(string id, IGrainFactory grains)
    {
        var job = grains.GetGrain<IJobGrain>(id);
        if (await job.GetDetails() is not { } details)
        {
            return NoSuchJob(id);
        }

        var scaler = grains.GetGrain<IAutoScalerGrain>(IAutoScalerGrain.Key);
        var progress = await job.GetProgress();
        var timeline = await job.GetTimeline();
        var decisions = await scaler.GetDecisions(details.SubmittedUtc);
        var dashboard = await scaler.GetDashboard();
        var end = details.FinishedUtc ?? DateTime.MaxValue;
        return Json(new JobView(id, details, progress, timeline, decisions.Where(d => d.TimeUtc <= end).ToArray(), dashboard));
    }

    private static async Task<IResult> ReportAsync(string id, string? format, IGrainFactory grains)
    {
        format ??= "html";
        if (format is not ("html" or "json"))
        {
            return Results.Json(new { error = $"format must be html or json (got '{format}')" }, ScaleJson.Options,
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (await ScalingReports.LoadAsync(grains, id) is not { } report)
        {
            return NoSuchJob(id);
        }

        return format == "json"
            ? Json(report)
            : Results.Content(ScalingReportHtml.Render(report), "text/html; charset=utf-8");
    }

    private static async Task<JobList> JobListAsync(IGrainFactory grains)
    {
        var directory = grains.GetGrain<IJobDirectoryGrain>(IJobDirectoryGrain.Key);
        var unfinished = await directory.GetUnfinishedJobs();
        var finished = await directory.GetRecentlyFinishedJobs();
        async Task<JobProgress[]> ProgressOf(IEnumerable<string> ids) =>
            await Task.WhenAll(ids.Select(id => grains.GetGrain<IJobGrain>(id).GetProgress()));
        return new JobList(await ProgressOf(unfinished.Order(StringComparer.Ordinal)), await ProgressOf(finished));
    }

    private static IResult NoSuchJob(string id) =>
        Results.Json(new { error = $"there is no job '{id}'" }, ScaleJson.Options, statusCode: StatusCodes.Status404NotFound);

    private static IResult Json<T>(T value) => Results.Text(JsonSerializer.Serialize(value, ScaleJson.Options), "application/json; charset=utf-8");

    /// <summary>The cluster's jobs as <c>/api/jobs</c> answers: unfinished ones by id, then the most recently finished first.</summary>
    public sealed record JobList(JobProgress[] Unfinished, JobProgress[] RecentlyFinished);

    /// <summary>What a job's live page draws, as <c>/api/jobs/{id}</c> answers.</summary>
    /// <param name="Decisions">The AutoScaler's decisions since the job was submitted (up to its end), oldest first.</param>
    /// <param name="Dashboard">The cluster's figures now.</param>
    public sealed record JobView(
        string JobId, JobDetails Details, JobProgress Progress, JobSample[] Timeline, ScalingDecision[] Decisions, DashboardSnapshot Dashboard);
}
