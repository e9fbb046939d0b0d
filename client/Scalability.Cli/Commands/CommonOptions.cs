using System.CommandLine;
using Scalability.Client.Security;
using Scalability.GrainInterfaces.Scaling;
using Scalability.Grains.Scaling.Policy;
using Scalability.Silo;
using Scalability.Silo.Security;
using Scalability.Silo.Storage;

namespace Scalability.Cli.Commands;

/// <summary>Options that several commands share, defined once so that they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Argument<string> Csv() => new("csv") { Description = "The CSV file of tickets (UTF-8, with a header row)." };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object on stdout instead of text." };

    public static Option<int?> ChunkSize() => new("--chunk-size")
    {
        Description = "Records per chunk: the unit of work, retry and commit (default: chosen from the row count, " +
                      "at least 1000 rows and at most about 256 chunks).",
    };

    /// <summary>A chunk size the user gave must be positive; none given means the planner chooses.</summary>
    public static string? CheckChunkSize(int? chunkSize) =>
        chunkSize is < 1 ? $"--chunk-size must be at least 1 (got {chunkSize})" : null;

    public static Option<string?> IdColumn() => new("--id-column")
    {
        Description = "The column holding ticket ids (detected from common names when left out).",
    };

    public static Option<string?> ConversationColumn() => new("--conversation-column")
    {
        Description = "For inputs with one row per message: the column that groups rows into conversations. Each " +
                      "conversation's rows must be together; each conversation is one ticket and one output row.",
    };

    public static Option<string?> OrderColumn() => new("--order-column")
    {
        Description = "With --conversation-column: the column that orders a conversation's messages (numbers, ISO " +
                      "dates, otherwise text; default: input order).",
    };

    public static Option<string[]> Columns(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Column lists may be given as "A,B", as "A B", or by repeating the option.</summary>
    public static string[]? SplitColumns(string[]? values)
    {
        var names = values?
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
        return names is { Length: > 0 } ? names : null;
    }

    public static Option<string?> Cluster() => new("--cluster")
    {
        Description = "Work on a running cluster instead of an embedded silo: postgres:<connection string> or " +
                      "sqlite:<file> (the silos' membership database), or localhost[:<gateway port>].",
    };

    /// <summary><c>--tls</c> and <c>--tls-trust</c>: how a client reaches a cluster whose silos use TLS.</summary>
    public static (Option<bool> Tls, Option<string?> Trust) Tls() =>
    (
        new Option<bool>("--tls")
        {
            Description = $"Connect to the cluster's gateways over TLS (its silos run with --tls-certificate; default: on when ${ClusterTls.TrustVariable} names a certificate).",
        },
        new Option<string?>("--tls-trust")
        {
            Description = "A certificate file (PEM or DER) the silos' certificate must be or chain to, e.g. their self-signed " +
                          "certificate (default: the machine's trusted roots); implies --tls.",
        });

    /// <summary>The TLS the <see cref="Tls"/> options ask for; null for none (or the environment's, when set).</summary>
    /// <exception cref="ArgumentException">TLS without a cluster, or a trust file that cannot be read.</exception>
    public static ClusterTls? ParseTls(bool tls, string? trustFile, ClusterAddress? cluster)
    {
        if (!tls && trustFile is null)
        {
            return null;
        }

        return cluster is null
            ? throw new ArgumentException("--tls and --tls-trust are for --cluster: the embedded silo has no network connections")
            : ClusterTls.Load(trustFile);
    }

    public static Option<string?> DatabasePasswordFile() => new("--database-password-file")
    {
        Description = "A file holding the PostgreSQL password for --cluster or --storage, kept out of the connection string " +
                      "(default: PGPASSWORD, or Password= in it).",
    };

    /// <summary>The cluster's and the storage's PostgreSQL databases with the password from <paramref name="passwordFile"/>.</summary>
    /// <exception cref="ArgumentException">The file cannot be read, or neither database is PostgreSQL.</exception>
    public static (ClusterAddress? Cluster, DatabaseTarget Storage) WithPasswordFile(ClusterAddress? cluster, DatabaseTarget storage, string? passwordFile)
    {
        if (passwordFile is null)
        {
            return (cluster, storage);
        }

        var password = SecretText.FromFile(passwordFile, "--database-password-file");
        var membership = cluster?.Membership as PostgresDatabase;
        if (membership is null && storage is not PostgresDatabase)
        {
            throw new ArgumentException("--database-password-file is for a PostgreSQL --cluster or --storage");
        }

        return (
            membership is null ? cluster : cluster! with { Membership = membership.WithPassword(password, "--database-password-file") },
            storage is PostgresDatabase ? storage.WithPassword(password, "--database-password-file") : storage);
    }

    public static Option<string> StateFolder() => new("--state")
    {
        Description = "The folder where an embedded silo keeps job state (a SQLite file), so that interrupted jobs resume.",
        DefaultValueFactory = _ => EmbeddedSiloOptions.StateFolderName,
    };

    public static Option<bool> Verbose() => new("--verbose") { Description = "Log the silo's work on stderr." };

    public static Option<string?> Storage() => new("--storage")
    {
        Description = "Where an embedded silo keeps job state instead of the state folder: sqlite:<file> or " +
                      "postgres:<connection string>.",
    };

    /// <summary>The embedded silo's state: --storage when given, otherwise the state folder's SQLite file.</summary>
    public static DatabaseTarget ParseStorage(string? storage, string stateFolder) =>
        storage is null ? EmbeddedSiloOptions.StateDatabase(stateFolder) : DatabaseTarget.Parse(storage, "--storage");

    public static Option<decimal?> Budget() => new("--budget")
    {
        Description = "The most the job may be billed by its processor, in USD: it pauses before its spend plus the " +
                      "worst case of the chunks in flight could pass this ('scale resume <job> --budget <more>' continues).",
    };

    public static Option<double?> TimeLimit() => new("--time-limit")
    {
        Description = "Hours from submission within which the job should finish: the AutoScaler is asked for more " +
                      "workers when the projected finish passes it, with a warning when even its maximum cannot make it.",
    };

    /// <summary>Parses --cluster; null when it was not given.</summary>
    public static ClusterAddress? ParseCluster(string? value) =>
        value is null ? null : ClusterAddress.Parse(value, "--cluster");

    /// <summary>The llm processor's summary limit, as <c>scale run</c> sends it and cost planning counts it.</summary>
    public static Option<int> LlmSummaryWords() => new("--llm-summary-words")
    {
        Description = "Longest summary the model may write, in words.",
        DefaultValueFactory = _ => Scalability.GrainInterfaces.Processing.LlmSettings.DefaultSummaryMaxWords,
    };

    public static Option<string[]> LlmCategories() => new("--llm-categories")
    {
        Description = "The taxonomy the model chooses from, as \"a,b,c\" (default: the built-in support taxonomy).",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<decimal?> InputPrice() => new("--input-price") { Description = "USD per million prompt tokens, instead of the price table's." };

    public static Option<decimal?> OutputPrice() => new("--output-price") { Description = "USD per million completion tokens, instead of the price table's." };

    /// <summary>The AutoScaler's mode and bounds: <c>--autoscale</c>, <c>--min-workers</c>, <c>--max-auto-scale-workers</c>.</summary>
    public static (Option<string> Mode, Option<int> Min, Option<int> Max) AutoScaling() =>
    (
        new Option<string>("--autoscale")
        {
            Description = "The AutoScaler's mode: balanced, speed_optimized, memory_optimized, cost_optimized, or off to " +
                          "keep the workers as set (manual scaling still works).",
            DefaultValueFactory = _ => "balanced",
        },
        new Option<int>("--min-workers")
        {
            Description = "The fewest workers the AutoScaler leaves the cluster (the seed's min_workers).",
            DefaultValueFactory = _ => 1,
        },
        new Option<int>("--max-auto-scale-workers")
        {
            Description = "The most workers the AutoScaler gives the cluster.",
            DefaultValueFactory = _ => AutoScalerSettings.DefaultMaxWorkers,
        });

    /// <summary>The AutoScaler's settings from the <see cref="AutoScaling"/> options.</summary>
    /// <exception cref="ArgumentException">An unknown mode or bounds that do not fit together.</exception>
    public static AutoScalerSettings ParseAutoScaling(string mode, int min, int max)
    {
        if (min < 0 || max < Math.Max(1, min))
        {
            throw new ArgumentException($"--min-workers and --max-auto-scale-workers must satisfy 0 <= min <= max and max >= 1 (got {min} and {max})");
        }

        if (string.Equals(mode, "off", StringComparison.OrdinalIgnoreCase))
        {
            return new AutoScalerSettings(Enabled: false, MinWorkers: min, MaxWorkers: max);
        }

        return TargetModes.TryParse(mode, out var target)
            ? new AutoScalerSettings(Enabled: true, Mode: target, MinWorkers: min, MaxWorkers: max)
            : throw new ArgumentException($"--autoscale: '{mode}' is not one of balanced, speed_optimized, memory_optimized, cost_optimized, off");
    }
}
