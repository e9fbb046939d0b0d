using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Orleans.Diagnostics;
using Scalability.Grains.Processing;
using Scalability.Grains.Telemetry;

namespace Scalability.Silo.Telemetry;

/// <summary>
/// A silo's telemetry: OpenTelemetry metrics (the product's meters, Orleans' and the runtime's) for the Prometheus
/// endpoint and OTLP, traces (the product's and Orleans' grain calls) for OTLP, and the Orleans Dashboard.
/// </summary>
public static class SiloTelemetry
{
    public const string MetricsPath = "/metrics";
    public const string DashboardPath = "/dashboard";
    public const string ServiceName = "scalability";

    /// <summary>Orleans' meter (<see cref="OrleansInstruments.Meter"/>).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>The runtime's built-in meter: GC, thread pool, CPU and memory, observed only when collected.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    public static readonly string[] MeterNames =
        [ScalabilityTelemetry.MeterName, ProcessingMetrics.MeterName, OrleansMeterName, RuntimeMeterName];

    public static readonly string[] ActivitySourceNames =
    [
        ScalabilityTelemetry.ActivitySourceName,
        ActivitySources.ApplicationGrainActivitySourceName,
        ActivitySources.RuntimeActivitySourceName,
        ActivitySources.LifecycleActivitySourceName,
        ActivitySources.StorageActivitySourceName,
    ];

    /// <summary>
    /// Adds the dashboard's services to the silo when it serves HTTP or shares a cluster (every silo of a cluster needs
    /// them for any silo to show it; an embedded silo has no page to show, and the dashboard profiles every grain
    /// call) and, when
    /// something will read them, OpenTelemetry metrics and traces. Metrics are collected when the silo serves HTTP
    /// (the Prometheus endpoint) or exports over OTLP; traces only for OTLP, along with Orleans' propagation of the
    /// trace context through grain calls.
    /// </summary>
    public static void AddScalabilityTelemetry(this IHostApplicationBuilder builder, ISiloBuilder silo, SiloSettings settings)
    {
        if (settings.Http is not null || settings.Clustering is not null)
        {
            silo.AddDashboard();
        }

        var otlp = settings.Otlp ?? OtlpTarget.FromEnvironment();
        var prometheus = settings.Http is not null;
        if (otlp is null && !prometheus)
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: $"{settings.Address}:{settings.SiloPort}"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MeterNames);
                // The dashboard's copies of our counters live on Orleans' meter; exports have the tagged originals.
                metrics.AddView(instrument => instrument.Meter.Name == OrleansMeterName && DashboardCounters.Names.Contains(instrument.Name)
                    ? MetricStreamConfiguration.Drop
                    : null);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(options => otlp.Apply(options, "metrics"));
                }
            });

        if (otlp is not null)
        {
            silo.AddActivityPropagation();
            telemetry.WithTracing(tracing => tracing
                .AddSource(ActivitySourceNames)
                .AddOtlpExporter(options => otlp.Apply(options, "traces")));
        }
    }

    /// <summary>Serves the Prometheus scrape endpoint and the Orleans Dashboard on the silo's HTTP endpoint.</summary>
    public static void MapScalabilityTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        app.MapOrleansDashboard(DashboardPath);
    }
}
