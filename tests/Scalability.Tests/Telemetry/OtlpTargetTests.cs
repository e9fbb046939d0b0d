using OpenTelemetry.Exporter;
using Scalability.Silo.Telemetry;

namespace Scalability.Tests.Telemetry;

public sealed class OtlpTargetTests
{
    [Fact]
    public void Over_grpc_both_signals_go_to_the_address_given()
    {
        var target = OtlpTarget.Resolve("http://collector:4317", "grpc")!;
        var metrics = new OtlpExporterOptions();
        var traces = new OtlpExporterOptions();

        target.Apply(metrics, "metrics");
        target.Apply(traces, "traces");

        Assert.Equal((OtlpExportProtocol.Grpc, new Uri("http://collector:4317")), (metrics.Protocol, metrics.Endpoint));
        Assert.Equal((OtlpExportProtocol.Grpc, new Uri("http://collector:4317")), (traces.Protocol, traces.Endpoint));
    }

    [Theory]
    [InlineData("http://collector:4318", "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/", "http://collector:4318/v1/traces")]
    [InlineData("https://gateway.example/otlp", "https://gateway.example/otlp/v1/traces")]
    public void Over_http_each_signal_goes_to_its_path_under_the_base_address(string endpoint, string traces)
    {
        var target = OtlpTarget.Resolve(endpoint, "http/protobuf")!;
        var options = new OtlpExporterOptions();

        target.Apply(options, "traces");

        Assert.Equal((OtlpExportProtocol.HttpProtobuf, new Uri(traces)), (options.Protocol, options.Endpoint));
    }

    [Theory]
    [InlineData("ftp://collector", null, "--otlp-endpoint: 'ftp://collector' is not an http:// or https:// address")]
    [InlineData("collector:4317", null, "--otlp-endpoint: 'collector:4317' is not an http:// or https:// address")]
    [InlineData("http://collector:4317", "thrift", "--otlp-protocol: 'thrift' is not an OTLP protocol (grpc or http/protobuf)")]
    public void A_bad_address_or_protocol_is_refused_with_the_option_named(string endpoint, string? protocol, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => OtlpTarget.Resolve(endpoint, protocol));

        Assert.Equal(message, error.Message);
    }
}
