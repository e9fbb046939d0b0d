using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Scalability.Client;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Scaling;

namespace Scalability.Cli.Commands;

/// <summary><c>scale dashboard</c>: the cluster's real-time figures (the seed's dashboard object with <c>--json</c>).</summary>
internal static class DashboardCommand
{
    public static Command Create()
    {
        var cluster = CommonOptions.Cluster();
        var json = CommonOptions.Json();
        var command = new Command("dashboard", "Show the cluster's workers, throughput, errors and the AutoScaler's last decision.") { cluster, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var connection = await ScaleCommand.ConnectAsync(parse.GetValue(cluster), cancellationToken);
            if (connection is null)
            {
                return ExitCodes.BadInput;
            }

            var snapshot = await new ScalabilityClient(connection.Client).GetDashboardAsync();
            Console.Out.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(snapshot, ScaleJson.Options) : Describe(snapshot));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Describe(DashboardSnapshot d)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"workers    {d.CurrentWorkers} ({string.Join(", ", d.WorkersPerSilo.Select(s => $"{s.Key} {s.Value}"))})"),
            string.Create(CultureInfo.InvariantCulture,
                $"throughput {d.TicketsPerMinute:N0} tickets/min · p50 {d.TicketLatencyP50Ms:N0} ms · p95 {d.TicketLatencyP95Ms:N0} ms"),
            string.Create(CultureInfo.InvariantCulture,
                $"errors     {d.ErrorRatePercent:0.##}% · 429s {d.RateLimitedPercent:0.##}% · backlog {d.Backlog:N0} chunks"),
            string.Create(CultureInfo.InvariantCulture, $"machine    cpu {d.CpuPercent:0}% · memory {d.MemoryPercent:0}%"),
            $"scaler     {(d.Settings.Enabled ? "on" : "off")}, {d.Settings.Mode}, workers {d.Settings.MinWorkers}–{d.Settings.MaxWorkers}" +
            (d.ManualOverride is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; manual until {d.ManualUntilUtc:HH:mm:ss} UTC: {d.ManualOverride}")),
        };
        if (d.LastDecision is { } last)
        {
            lines.Add($"last       {last.TimeUtc:HH:mm:ss} {last.FromWorkers} → {last.ToWorkers}: {last.Reason}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
