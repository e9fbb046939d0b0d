using System.CommandLine;
using System.Text.Json;
using Scalability.Client;
using Scalability.GrainInterfaces;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Silo;

namespace Scalability.Cli.Commands;

/// <summary>
/// <c>scale scale &lt;workers&gt; --reason "…"</c>: sets a running cluster's workers by hand, overriding the AutoScaler
/// for a while (the seed's <c>manual_scale(target, reason)</c>); <c>--auto</c> hands control back at once.
/// </summary>
internal static class ScaleCommand
{
    /// <summary>The command's name for the parser; users type <c>scale scale</c> (see <see cref="Rename"/>).</summary>
    public const string Name = "manual-scale";

    /// <summary>The arguments with a leading <c>scale</c> read as <see cref="Name"/>.</summary>
    public static string[] Rename(string[] args) => args is ["scale", .. var rest] ? [Name, .. rest] : args;

    public static Command Create()
    {
        var workers = new Argument<int?>("workers") { Description = "The cluster's workers (chunks in flight across all silos).", Arity = ArgumentArity.ZeroOrOne };
        var reason = new Option<string?>("--reason") { Description = "Why, in words: recorded in the decision log." };
        var holdFor = new Option<double>("--for")
        {
            Description = "Minutes to hold the workers there before the AutoScaler takes over again.",
            DefaultValueFactory = _ => ScalabilityClient.DefaultManualHold.TotalMinutes,
        };
        var auto = new Option<bool>("--auto") { Description = "End a manual scale now and let the AutoScaler decide." };
        var cluster = CommonOptions.Cluster();
        var json = CommonOptions.Json();
        var command = new Command(Name, "'scale scale <workers> --reason \"…\"': set a running cluster's workers by hand, for a while.") { workers, reason, holdFor, auto, cluster, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(workers);
            var why = parse.GetValue(reason);
            var usage = (target, parse.GetValue(auto), why) switch
            {
                (null, false, _) => "give the workers, e.g. 'scale scale 16 --reason \"…\"', or --auto",
                ({ }, true, _) => "give the workers or --auto, not both",
                (< 0, _, _) => $"the workers must be 0 or more (got {target})",
                ({ }, false, null or "") => "say why with --reason \"…\": the decision log keeps it",
                _ => parse.GetValue(holdFor) is > 0 ? null : "--for must be more than 0 minutes",
            };
            if (usage is not null)
            {
                Console.Error.WriteLine($"error: {usage}");
                return ExitCodes.BadInput;
            }

            await using var connection = await ConnectAsync(parse.GetValue(cluster), cancellationToken);
            if (connection is null)
            {
                return ExitCodes.BadInput;
            }

            var client = new ScalabilityClient(connection.Client);
            if (target is null)
            {
                await client.ResumeAutoScalingAsync();
                Console.Out.WriteLine("the AutoScaler decides the workers again");
                return ExitCodes.Success;
            }

            var decision = await client.ScaleAsync(target.Value, why!, TimeSpan.FromMinutes(parse.GetValue(holdFor)));
            Console.Out.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(decision, ScaleJson.Options)
                : string.Join(Environment.NewLine,
                    decision.PerSilo.Select(s => $"  {s.Key}: {s.Value}")
                        .Prepend($"workers {decision.FromWorkers} → {decision.ToWorkers}: {decision.Reason}")));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The cluster named by --cluster; null (after saying why) when there is none to reach.</summary>
    internal static async Task<ClusterConnection?> ConnectAsync(string? cluster, CancellationToken cancellationToken)
    {
        if (cluster is null)
        {
            Console.Error.WriteLine("error: this works on a running cluster: give --cluster (postgres:…, sqlite:… or localhost[:port])");
            return null;
        }

        try
        {
            return await ClusterConnection.ConnectAsync(ClusterAddress.Parse(cluster, "--cluster"), cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
