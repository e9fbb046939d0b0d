using Microsoft.AspNetCore.Http;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Scalability.LlmSimulation;

/// <summary>
/// POST /v1/chat/completions (non-streaming). Per request, in this order: auth (401) → body (400) → rate limit (429) →
/// injected server error (500/503) → latency → a 200 chat.completion, whose content is malformed for a seeded fraction.
/// Every authenticated request with a valid body draws the same random numbers in the same order, under one lock, so the
/// outcome of the n-th such request depends only on the seed and n (and, for the rate limit, on the clock).
/// Billing: tokens are billed for every 200 reply (ok or malformed), never for a 429, 5xx, 401 or 400.
/// </summary>
internal sealed class ChatCompletionsEndpoint
{
    public const string LatencyHeader = "x-simulated-latency-ms";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SimulatorOptions _options;
    private readonly StatsCounter _stats;
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly TokenBucket? _requestBucket;
    private readonly TokenBucket? _tokenBucket;
    private readonly string? _expectedAuthorization;
    private long _requestNumber;

    /// <summary>The last user message of each request with a valid body, when <see cref="SimulatorOptions.RecordUserMessages"/>.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> UserMessages { get; } = new();

    public ChatCompletionsEndpoint(SimulatorOptions options, StatsCounter stats)
    {
        _options = options;
        _stats = stats;
        _random = new Random(options.Seed);
        if (options.RequestsPerSecond is { } rps)
        {
            _requestBucket = new TokenBucket(Math.Max(1, rps), rps, options.Clock);
        }

        if (options.TokensPerMinute is { } tpm)
        {
            _tokenBucket = new TokenBucket(tpm, tpm / 60.0, options.Clock);
        }

        _expectedAuthorization = options.ApiKey is null ? null : "Bearer " + options.ApiKey;
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (_expectedAuthorization is not null
            && !string.Equals(context.Request.Headers.Authorization.ToString(), _expectedAuthorization, StringComparison.Ordinal))
        {
            _stats.Unauthorized();
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized,
                "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
            return;
        }

        ChatRequest request;
        try
        {
            request = await ChatRequest.ReadAsync(context.Request.Body, context.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            _stats.BadRequest();
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Invalid request body: " + e.Message, "invalid_request_error", "invalid_request_body");
            return;
        }

        if (_options.RecordUserMessages)
        {
            UserMessages.Enqueue(request.LastUserMessage);
        }

        var promptTokens = SimulatedTokenizer.CountPrompt(request.Model, request.Messages);
        var (_, content) = ReplyContent.Build(request.LastUserMessage, _options.Categories, ReplyContent.SummaryWordsAskedFor(request.Messages));

        long number;
        double errorRoll, malformedRoll;
        int errorKind, latencyMs;
        TimeSpan wait;
        string? limitedBy = null;
        lock (_gate)
        {
            number = ++_requestNumber;
            errorRoll = _random.NextDouble();
            malformedRoll = _random.NextDouble();
            errorKind = _random.Next(2);
            latencyMs = _options.Latency.Sample(_random);

            // The token cost is known up front: prompt tokens plus the completion tokens of the well-formed reply.
            var cost = promptTokens + SimulatedTokenizer.Count(request.Model, content);
            var requestWait = _requestBucket?.WaitFor(1) ?? TimeSpan.Zero;
            var tokenWait = _tokenBucket?.WaitFor(cost) ?? TimeSpan.Zero;
            wait = requestWait >= tokenWait ? requestWait : tokenWait;
            if (wait > TimeSpan.Zero)
            {
                limitedBy = requestWait >= tokenWait ? "requests" : "tokens";
            }
            else
            {
                _requestBucket?.Take(1);
                _tokenBucket?.Take(cost);
            }
        }

        if (limitedBy is not null)
        {
            _stats.RateLimited();
            var ms = Math.Max(1, (long)Math.Ceiling(wait.TotalMilliseconds));
            var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["retry-after-ms"] = ms.ToString(CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests,
                $"Rate limit reached for {limitedBy} (simulated). Please try again in {ms}ms.", "rate_limit_exceeded", "rate_limit_exceeded");
            return;
        }

        if (errorRoll < _options.ServerErrorFraction)
        {
            _stats.ServerError();
            if (errorKind == 0)
            {
                await WriteErrorAsync(context, StatusCodes.Status500InternalServerError,
                    "The server had an error while processing your request (simulated).", "server_error", null);
            }
            else
            {
                await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable,
                    "The engine is currently overloaded, please try again later (simulated).", "server_error", "service_unavailable");
            }

            return;
        }

        if (latencyMs > 0)
        {
            await Task.Delay(latencyMs, context.RequestAborted);
        }

        var malformed = malformedRoll < _options.MalformedFraction;
        var replyContent = malformed ? ReplyContent.Truncate(content) : content;
        var completionTokens = SimulatedTokenizer.Count(request.Model, replyContent);
        _stats.Replied(malformed, promptTokens, completionTokens);

        var id = "chatcmpl-sim" + number.ToString("D8", CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers[LatencyHeader] = latencyMs.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-request-id"] = id;
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("object", "chat.completion");
            writer.WriteNumber("created", _options.Clock.GetUtcNow().ToUnixTimeSeconds());
            writer.WriteString("model", request.Model);
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", replyContent);
            writer.WriteNull("refusal");
            writer.WriteEndObject();
            writer.WriteNull("logprobs");
            writer.WriteString("finish_reason", "stop");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", promptTokens);
            writer.WriteNumber("completion_tokens", completionTokens);
            writer.WriteNumber("total_tokens", promptTokens + completionTokens);
            writer.WriteEndObject();
            writer.WriteString("system_fingerprint", "fp_simulator");
            writer.WriteEndObject();
        });
    }

    /// <summary>An OpenAI-style error body: <c>{"error":{"message","type","param","code"}}</c>.</summary>
    private static Task WriteErrorAsync(HttpContext context, int status, string message, string type, string? code)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("message", message);
            writer.WriteString("type", type);
            writer.WriteNull("param");
            if (code is null)
            {
                writer.WriteNull("code");
            }
            else
            {
                writer.WriteString("code", code);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    /// <summary>The parts of a chat completion request the simulator uses; any other field is accepted and ignored.</summary>
    private sealed record ChatRequest(string Model, List<(string Role, string Content)> Messages, string LastUserMessage)
    {
        public static async Task<ChatRequest> ReadAsync(Stream body, CancellationToken cancellationToken)
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("the body must be a JSON object");
            }

            var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "simulated";
            if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            {
                throw new InvalidDataException("'messages' must be a non-empty array");
            }

            var list = new List<(string Role, string Content)>();
            string? lastUser = null;
            string? last = null;
            foreach (var message in messages.EnumerateArray())
            {
                if (message.ValueKind != JsonValueKind.Object
                    || !message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
                {
                    throw new InvalidDataException("each message needs a string 'role'");
                }

                var text = message.TryGetProperty("content", out var content) ? ContentText(content) : string.Empty;
                list.Add((role.GetString()!, text));
                last = text;
                if (role.ValueEquals("user"))
                {
                    lastUser = text;
                }
            }

            return new ChatRequest(model, list, lastUser ?? last ?? string.Empty);
        }

        /// <summary>Content is a string, null, or an array of parts of which the text parts count.</summary>
        private static string ContentText(JsonElement content)
        {
            switch (content.ValueKind)
            {
                case JsonValueKind.String:
                    return content.GetString()!;
                case JsonValueKind.Null:
                    return string.Empty;
                case JsonValueKind.Array:
                    var text = new StringBuilder();
                    foreach (var part in content.EnumerateArray())
                    {
                        if (part.ValueKind == JsonValueKind.Object
                            && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                        {
                            text.Append(t.GetString());
                        }
                    }

                    return text.ToString();
                default:
                    throw new InvalidDataException("'content' must be a string, null or an array of parts");
            }
        }
    }
}
