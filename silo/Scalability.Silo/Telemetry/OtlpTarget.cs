using OpenTelemetry.Exporter;

namespace Scalability.Silo.Telemetry;

/// <summary>
/// Where OTLP exports go: a collector's base address (as in <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) and the protocol.
/// Over HTTP each signal goes to its own path under the base address (<c>/v1/metrics</c>, <c>/v1/traces</c>).
/// </summary>
public sealed record OtlpTarget(Uri Endpoint, OtlpExportProtocol Protocol = OtlpExportProtocol.Grpc)
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>The target named by the standard OpenTelemetry variables; null when no endpoint is set.</summary>
    public static OtlpTarget? FromEnvironment() => Resolve(null, null);

    /// <summary>
    /// The target an operator named (<c>--otlp-endpoint</c>, <c>--otlp-protocol</c>), each falling back to its standard
    /// variable; null when neither names an endpoint.
    /// </summary>
    public static OtlpTarget? Resolve(string? endpoint, string? protocol)
    {
        var (endpointText, endpointSource) = endpoint is not null
            ? (endpoint, "--otlp-endpoint")
            : (Environment.GetEnvironmentVariable(EndpointVariable), "$" + EndpointVariable);
        var (protocolText, protocolSource) = protocol is not null
            ? (protocol, "--otlp-protocol")
            : (Environment.GetEnvironmentVariable(ProtocolVariable), "$" + ProtocolVariable);
        if (string.IsNullOrEmpty(endpointText))
        {
            return protocol is null
                ? null
                : throw new ArgumentException($"--otlp-protocol needs --otlp-endpoint or ${EndpointVariable}");
        }

        return new OtlpTarget(ParseEndpoint(endpointText, endpointSource), ParseProtocol(protocolText, protocolSource));
    }

    public static Uri ParseEndpoint(string text, string source) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{source}: '{text}' is not an http:// or https:// address");

    /// <summary><c>grpc</c> (the default) or <c>http/protobuf</c>, the values of <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.</summary>
    public static OtlpExportProtocol ParseProtocol(string? text, string source) => text switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new ArgumentException($"{source}: '{text}' is not an OTLP protocol (grpc or http/protobuf)"),
    };

    /// <summary>Points an exporter at this target for one signal (<c>metrics</c> or <c>traces</c>).</summary>
    public void Apply(OtlpExporterOptions options, string signal)
    {
        options.Protocol = Protocol;
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf ? SignalEndpoint(signal) : Endpoint;
    }

    // The exporter adds the signal's path only to an address read from the variable; one given in code is used as is.
    private Uri SignalEndpoint(string signal) =>
        new UriBuilder(Endpoint) { Path = $"{Endpoint.AbsolutePath.TrimEnd('/')}/v1/{signal}" }.Uri;
}
