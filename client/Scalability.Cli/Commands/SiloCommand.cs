using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalability.Grains.Jobs;
using Scalability.Grains.Security;
using Scalability.Silo;
using Scalability.Silo.Http;
using Scalability.Silo.Security;
using Scalability.Silo.Storage;
using Scalability.Silo.Telemetry;

namespace Scalability.Cli.Commands;

/// <summary><c>scale silo</c>: runs one long-lived silo of a cluster until it is stopped (Ctrl+C or SIGTERM).</summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var storage = new Option<string?>("--storage")
        {
            Description = "Where job state lives: postgres:<connection string> or sqlite:<file> (default: the " +
                          "clustering database, or sqlite:<state folder>/state.db with localhost clustering).",
        };
        var clustering = new Option<string>("--clustering")
        {
            Description = "How silos find each other: localhost (this silo alone), or postgres:<connection string> / " +
                          "sqlite:<file> shared by every silo of the cluster.",
            DefaultValueFactory = _ => "localhost",
        };
        var address = new Option<string>("--address")
        {
            Description = "The IP address or host name other silos and clients reach this silo at, or " +
                          $"'{AdvertisedAddress.OwnHostName}' for the address of this machine's own host name (a container's IP) " +
                          $"(default: ${AdvertisedAddress.Variable}, else 127.0.0.1). Any address but loopback listens on all interfaces.",
            DefaultValueFactory = _ => AdvertisedAddress.Default(),
        };
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic.", DefaultValueFactory = _ => SiloSettings.DefaultSiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients connect to.", DefaultValueFactory = _ => SiloSettings.DefaultGatewayPort };
        var http = new Option<string?>("--http")
        {
            Description = "HTTP endpoint for health checks (/healthz), Prometheus metrics (/metrics), the Orleans Dashboard " +
                          "(/dashboard) and the jobs page (/jobs), e.g. http://127.0.0.1:8080 (default: none). Off loopback it needs a token " +
                          "(--http-token-file).",
        };
        var httpTokenFile = new Option<string?>("--http-token-file")
        {
            Description = "A file holding the token (16 characters or more) that every HTTP path but /healthz asks for, as " +
                          $"'Authorization: Bearer <token>' or ?token=<token> in a browser (default: ${HttpAccess.TokenVariable}). " +
                          "Required when --http is not on loopback.",
        };
        var dataRoots = new Option<string[]>("--data-root")
        {
            Description = "A folder jobs may read input from and write output to; repeatable (default: " +
                          $"${DataRootOptions.Variable}, folders separated by '{Path.PathSeparator}'). Without one, every job is refused.",
        };
        var tlsCertificate = new Option<string?>("--tls-certificate")
        {
            Description = "A PKCS#12 (.pfx) certificate with its key: silo-to-silo and gateway connections use TLS with it. " +
                          "Every silo of the cluster needs one; clients connect with --tls.",
        };
        var tlsPassword = new Option<string?>("--tls-certificate-password-file") { Description = "A file holding the .pfx file's password." };
        var tlsTrust = new Option<string?>("--tls-trust")
        {
            Description = "A certificate file (PEM or DER) that other silos' certificates must be or chain to (default: this " +
                          "silo's own certificate, for a cluster sharing one).",
        };
        var databasePassword = new Option<string?>("--database-password-file")
        {
            Description = "A file holding the PostgreSQL password, kept out of the connection string (default: PGPASSWORD, or Password= in it).",
        };
        var otlpEndpoint = new Option<string?>("--otlp-endpoint")
        {
            Description = "Send OpenTelemetry metrics and traces to this OTLP collector, e.g. http://127.0.0.1:4317 " +
                          $"(default: ${OtlpTarget.EndpointVariable}, else none).",
        };
        var otlpProtocol = new Option<string?>("--otlp-protocol")
        {
            Description = $"The OTLP protocol: grpc or http/protobuf (default: ${OtlpTarget.ProtocolVariable}, else grpc).",
        };
        var workers = new Option<int>("--workers") { Description = "Chunks this silo runs at once (default: one per processor core)." };
        var (autoscale, minWorkers, maxAutoScaleWorkers) = CommonOptions.AutoScaling();
        var clusterId = new Option<string>("--cluster-id") { Description = "The cluster's name; silos and clients must agree.", DefaultValueFactory = _ => SiloSettings.DefaultClusterId };
        var plugins = new Option<string[]>("--plugin")
        {
            Description = "An assembly of processor factories (ITicketProcessorFactory) to offer beside the built-in ones; repeatable.",
        };
        var maxJobs = new Option<int>("--max-jobs")
        {
            Description = "Unfinished jobs the cluster takes at once; a job submitted beyond it is refused (0: no limit). " +
                          "The cluster's job directory follows the silo it runs on, so give every silo the same value.",
            DefaultValueFactory = _ => JobOptions.DefaultMaxConcurrentJobs,
        };
        var state = CommonOptions.StateFolder();
        var verbose = CommonOptions.Verbose();
        var command = new Command("silo", "Run a silo of a Scalability.Orleans cluster until stopped.")
        {
            storage, clustering, address, siloPort, gatewayPort, http, httpTokenFile, dataRoots, tlsCertificate, tlsPassword, tlsTrust,
            databasePassword, otlpEndpoint, otlpProtocol, workers, autoscale, minWorkers, maxAutoScaleWorkers, clusterId, plugins, maxJobs,
            state, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            SiloSettings settings;
            try
            {
                settings = ReadSettings(parse);
                if (HttpAccess.Refusal(settings.Http, settings.HttpToken) is { } refusal)
                {
                    throw new ArgumentException(refusal);
                }

                if (parse.GetValue(tlsCertificate) is { } pfx)
                {
                    var password = parse.GetValue(tlsPassword) is { } file ? SecretText.FromFile(file, "--tls-certificate-password-file") : null;
                    settings = settings with { Tls = SiloTls.Load(pfx, password, parse.GetValue(tlsTrust)) };
                }
                else if (parse.GetValue(tlsPassword) is not null || parse.GetValue(tlsTrust) is not null)
                {
                    throw new ArgumentException("--tls-certificate-password-file and --tls-trust go with --tls-certificate");
                }
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            return await RunAsync(settings, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// The silo a parsed <c>scale silo</c> command line describes, checked as far as can be without starting it (host
    /// names are resolved). The deployment tests read the container and manifest command lines through this too.
    /// </summary>
    /// <exception cref="ArgumentException">An option's value is wrong; the message names the option.</exception>
    internal static SiloSettings ReadSettings(ParseResult parse)
    {
        var clustering = parse.GetValue<string>("--clustering")!;
        var membership = clustering is "localhost" ? null : DatabaseTarget.Parse(clustering, "--clustering");
        var store = parse.GetValue<string?>("--storage") is { } given
            ? DatabaseTarget.Parse(given, "--storage")
            : membership ?? new SqliteDatabase(Path.Combine(Path.GetFullPath(parse.GetValue<string>("--state")!), "state.db"));
        var workerCount = parse.GetValue<int>("--workers");
        if (workerCount < 0)
        {
            throw new ArgumentException($"--workers cannot be negative (got {workerCount})");
        }

        var jobLimit = parse.GetValue<int>("--max-jobs");
        if (jobLimit < 0)
        {
            throw new ArgumentException($"--max-jobs cannot be negative (got {jobLimit}); 0 means no limit");
        }

        var scaling = CommonOptions.ParseAutoScaling(
            parse.GetValue<string>("--autoscale")!, parse.GetValue<int>("--min-workers"), parse.GetValue<int>("--max-auto-scale-workers"));
        var clusterId = parse.GetValue<string>("--cluster-id")!;
        if (parse.GetValue<string?>("--database-password-file") is { } passwordFile)
        {
            var password = SecretText.FromFile(passwordFile, "--database-password-file");
            if (membership is null && store is not PostgresDatabase)
            {
                throw new ArgumentException("--database-password-file is for a PostgreSQL --clustering or --storage");
            }

            membership = membership?.WithPassword(password, "--database-password-file");
            store = store is PostgresDatabase ? store.WithPassword(password, "--database-password-file") : store;
        }

        var tokenFile = parse.GetValue<string?>("--http-token-file");
        var token = tokenFile is not null
            ? SecretText.FromFile(tokenFile, "--http-token-file")
            : Environment.GetEnvironmentVariable(HttpAccess.TokenVariable) is { Length: > 0 } fromEnvironment ? new SecretText(fromEnvironment.Trim()) : null;
        var roots = parse.GetValue<string[]>("--data-root") is { Length: > 0 } rootsGiven
            ? rootsGiven
            : (Environment.GetEnvironmentVariable(DataRootOptions.Variable) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new SiloSettings
        {
            Storage = store,
            Clustering = membership,
            Address = AdvertisedAddress.Resolve(parse.GetValue<string>("--address")!),
            SiloPort = parse.GetValue<int>("--silo-port"),
            GatewayPort = parse.GetValue<int>("--gateway-port"),
            Http = parse.GetValue<string?>("--http") is { } url
                ? Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? uri
                    : throw new ArgumentException($"--http: '{url}' is not an http:// or https:// address")
                : null,
            HttpToken = token,
            DataRoots = roots.Select(Path.GetFullPath).ToArray(),
            Otlp = OtlpTarget.Resolve(parse.GetValue<string?>("--otlp-endpoint"), parse.GetValue<string?>("--otlp-protocol")),
            ClusterId = clusterId,
            ServiceId = clusterId,
            LogLevel = parse.GetValue<bool>("--verbose") ? LogLevel.Information : LogLevel.Warning,
            ConfigureWorkers = options => options.Workers = workerCount,
            ConfigureJobs = options => options.MaxConcurrentJobs = jobLimit,
            ConfigureScaling = options => options.Settings = scaling,
            PluginPaths = parse.GetValue<string[]>("--plugin") ?? [],
        };
    }

    private static async Task<int> RunAsync(SiloSettings settings, CancellationToken cancellationToken)
    {
        Microsoft.Extensions.Hosting.IHost host;
        try
        {
            host = await SiloHost.StartAsync(settings, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"error: the silo could not start: {e.Message}");
            return ExitCodes.JobFailed;
        }

        foreach (var root in settings.DataRoots.Where(root => !Directory.Exists(root)))
        {
            Console.Error.WriteLine($"warning: the data root {root} is not a folder (yet)");
        }

        var silo = host.Services.GetRequiredService<ILocalSiloDetails>();
        var workers = host.Services.GetRequiredService<Scalability.Grains.Scaling.SiloWorkerPool>().Limiter.Limit;
        // One line on stdout once the silo is up, for the scripts that start silos and wait for them.
        Console.Out.WriteLine(
            $"silo {silo.SiloAddress.ToParsableString()} active in cluster '{settings.ClusterId}': gateway port {settings.GatewayPort}, " +
            $"{workers} workers, storage {settings.Storage?.Describe() ?? "in memory"}, clustering {settings.Clustering?.Describe() ?? "localhost"}, " +
            (settings.DataRoots.Count > 0 ? $"data roots {string.Join(", ", settings.DataRoots)}" : "no data roots (every job is refused: give --data-root)") +
            (settings.Tls is { } tls ? $", {tls.Describe()}" : "") +
            (settings.HttpToken is not null ? ", HTTP token required" : "") +
            (settings.Http is { } http
                ? $", health {new Uri(http, "/healthz")}, metrics {new Uri(http, SiloTelemetry.MetricsPath)}, dashboard {new Uri(http, SiloTelemetry.DashboardPath + "/")}, jobs {new Uri(http, "/jobs")}"
                : ""));
        Console.Out.Flush();

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopped by Ctrl+C or SIGTERM: leave the cluster gracefully, giving running chunks back to their jobs.
        }

        Console.Error.WriteLine($"silo {silo.SiloAddress.ToParsableString()} stopping");
        await HostShutdown.StopAndDisposeAsync(host, TimeSpan.FromSeconds(30));
        return ExitCodes.Success;
    }
}
