using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Scalability.Client;
using Scalability.Grains.Ingest;
using Scalability.Grains.Reporting;
using Scalability.LlmSimulation;
using Scalability.Silo;
using Scalability.Tests.Llm;
using Scalability.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Scalability.Tests.Http;

/// <summary>
/// The jobs page of a real silo, read in headless Chromium as an operator would: a running llm job (against the
/// simulated endpoint, slowed down so that there is something to watch) shows its id, status, growing row count,
/// charts and the manual scale made while it ran; afterwards its scaling report opens from a file on its own.
/// </summary>
public sealed class JobsPageTests : IDisposable
{
    private const int Rows = 1500;
    private const string Reason = "jobs page check: <script>alert('scaled')</script> & more";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly string[] LiveCharts = ["chart-throughput", "chart-workers", "chart-errors", "chart-429", "chart-spend", "chart-eta"];

    private readonly TempFolder _temp = new();

    static JobsPageTests() => SetDefaultExpectTimeout((float)TimeSpan.FromSeconds(60).TotalMilliseconds);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_running_jobs_page_shows_its_progress_charts_and_decisions_and_its_report_opens_as_one_file()
    {
        await using var simulator = await LlmSimulator.StartAsync(new SimulatorOptions { Latency = LatencyDistribution.Fixed(20) });
        var root = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/");
        var host = await SiloHost.StartAsync(new SiloSettings
        {
            SiloPort = LoopbackPorts.Free(),
            GatewayPort = LoopbackPorts.Free(),
            Http = root,
            ClusterId = "jobs-page-" + Guid.NewGuid().ToString("N")[..8],
            LogLevel = LogLevel.Warning,
            DataRoots = TestPaths.DataRoots,
            ConfigureWorkers = workers => workers.Workers = 2,
        });
        try
        {
            var client = new ScalabilityClient(host.Services.GetRequiredService<IClusterClient>());
            var input = _temp.File("tickets.csv");
            await using (var file = File.Create(input))
            {
                SyntheticTicketGenerator.Write(file, Rows, seed: 7);
            }

            // The browser is up before the job starts, so that the page is read while the job is young.
            await using var chromium = await HeadlessChromium.LaunchAsync();
            var page = await chromium.Browser.NewPageAsync();
            var dialogs = new List<string>();
            page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
            Assert.True(await Eventually.TrueAsync(async () => (await client.GetSiloMetricsAsync()).Length == 1, Patience),
                "the silo never reported to the AutoScaler");

            var jobId = ScalabilityClient.NewJobId();
            await client.SubmitAsync(jobId, new JobSpec(input, _temp.File("results.csv"), ChunkSize: 50,
                Processor: new ProcessorSpec(ProcessorSpec.LlmKind, Llm: LlmTicketProcessorTests.Settings(simulator))));
            var decision = await client.ScaleAsync(3, Reason);
            Assert.Equal((2, 3), (decision.FromWorkers, decision.ToWorkers));
            await page.GotoAsync(new Uri(root, $"jobs/{jobId}").ToString());

            await Expect(page.GetByTestId("job-id")).ToHaveTextAsync(jobId);
            await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("running");
            var rowsDone = page.GetByTestId("rows-done");
            await Expect(rowsDone).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9,]*$"));
            var first = Count(await rowsDone.TextContentAsync());
            await Expect(rowsDone).Not.ToHaveTextAsync(first.ToString("N0", CultureInfo.InvariantCulture));
            var second = Count(await rowsDone.TextContentAsync());
            Assert.True(second > first, $"rows done went from {first} to {second}");
            await Expect(page.GetByTestId("rows-total")).ToHaveTextAsync(Rows.ToString("N0", CultureInfo.InvariantCulture));

            foreach (var chart in LiveCharts)
            {
                var plot = page.GetByTestId(chart).Locator("svg");
                await Expect(plot).Not.ToHaveAttributeAsync("data-points", "0");
                await Expect(plot.Locator("circle.pt").First).ToBeAttachedAsync();
                await Expect(plot.Locator("polyline")).Not.ToHaveCountAsync(0);
            }

            var silo = Assert.Single(decision.PerSilo).Key;
            await Expect(page.GetByTestId("chart-workers").Locator($"polyline[data-series=\"{silo}\"]")).ToBeAttachedAsync();
            await Expect(page.GetByTestId("workers-now")).ToHaveTextAsync("3");
            var manual = page.GetByTestId("decision-log").GetByTestId("decision-row").Filter(new LocatorFilterOptions { HasText = Reason });
            await Expect(manual).ToHaveCountAsync(1);
            await Expect(manual.GetByTestId("decision-reason")).ToHaveTextAsync(decision.Reason);
            await Expect(manual).ToContainTextAsync("2 → 3");

            using var timeout = new CancellationTokenSource(Patience);
            var summary = await client.WaitForCompletionAsync(jobId, timeout.Token);
            Assert.Equal((JobStatus.Completed, (long)Rows), (summary.Status, summary.Ok + summary.Failed + summary.Rejected));
            await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("completed");
            await Expect(rowsDone).ToHaveTextAsync(Rows.ToString("N0", CultureInfo.InvariantCulture));
            Assert.Empty(dialogs);

            using var http = new HttpClient();
            var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(root, $"api/jobs/{jobId}/report?format=json"))).RootElement;
            var totals = json.GetProperty("totals");
            Assert.Equal((summary.Ok, summary.Failed, summary.CostUsd), (totals.GetProperty("ok").GetInt64(), totals.GetProperty("failed").GetInt64(),
                totals.GetProperty("costUsd").GetDecimal()));
            var timeline = (await client.GetTimelineAsync(jobId)).Length;
            Assert.Equal(timeline, json.GetProperty("timeline").GetArrayLength());

            var reportFile = _temp.File("report.html");
            await File.WriteAllTextAsync(reportFile, await http.GetStringAsync(new Uri(root, $"api/jobs/{jobId}/report?format=html")));
            var requested = new List<string>();
            page.Request += (_, request) => requested.Add(request.Url);
            await page.GotoAsync(new Uri(reportFile).AbsoluteUri);

            await Expect(page.GetByTestId("report-job-id")).ToHaveTextAsync(jobId);
            await Expect(page.GetByTestId("report-status")).ToHaveTextAsync("completed");
            foreach (var chart in ScalingReportHtml.ChartIds)
            {
                var plot = page.GetByTestId(chart).Locator("svg");
                await Expect(plot).ToHaveAttributeAsync("data-points", timeline.ToString(CultureInfo.InvariantCulture));
                await Expect(plot.Locator("polyline").First).ToHaveAttributeAsync("points",
                    new System.Text.RegularExpressions.Regex($"^(\\S+ ){{{timeline - 1}}}\\S+$"));
            }

            var reported = page.GetByTestId("report-decisions").GetByTestId("decision-row").Filter(new LocatorFilterOptions { HasText = Reason });
            await Expect(reported.GetByTestId("decision-reason")).ToHaveTextAsync(decision.Reason);
            await Expect(page.GetByTestId("report-silos").GetByTestId("silo-row")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("report-silos")).ToContainTextAsync(silo);
            await Expect(page.GetByTestId("report-estimates").GetByTestId("estimate-row")).ToHaveCountAsync(3);
            await Expect(page.GetByTestId("estimate-source")).ToContainTextAsync("the job's own estimate, made once it was planned");
            await Expect(page.GetByTestId("reference-profile")).ToContainTextAsync("Profile small (1,001 to 10,000 rows) of the seed's resource-profiles.json");
            await Expect(page.GetByTestId("reference-profile")).ToContainTextAsync("The seed's reference for LLM-class processing of this many rows");
            Assert.All(requested, url => Assert.StartsWith("file://", url));
            Assert.Empty(dialogs);

            var missing = await http.GetAsync(new Uri(root, "api/jobs/no-such-job/report"));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        finally
        {
            await HostShutdown.StopAndDisposeAsync(host, TimeSpan.FromSeconds(10));
        }
    }

    private static long Count(string? text) => long.Parse(text!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
