using System.ClientModel;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Timeout;
using Scalability.Grains.Costing;

namespace Scalability.Grains.Processing.Llm;

/// <summary>
/// Categorizes and summarizes tickets with a chat model, one request per ticket, one ticket after another: a worker
/// is one request in flight, so the cluster's concurrency against the endpoint is its number of workers. Every
/// request goes through the resilience pipeline; a ticket whose requests all fail, or whose reply stays unusable after
/// one repair, is written as failed with the kind of failure. Tokens are counted from every reply the endpoint
/// billed, usable or not.
/// </summary>
public sealed class LlmTicketProcessor(
    IChatClient client, LlmPrompt prompt, ChatOptions options, ResiliencePipeline resilience, ModelPrice price) : ITicketProcessor
{
    /// <summary>One request per ticket, one after another: a batch would only delay what the silo learns.</summary>
    public int PreferredBatchSize => 1;

    public async ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken)
    {
        var results = new TicketResult[batch.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = await ProcessAsync(batch[i].Text, cancellationToken);
        }

        return results;
    }

    public async Task<TicketResult> ProcessAsync(string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // Nothing to ask about: no request, no cost.
            return new TicketResult(prompt.FallbackCategory, 0, "", TicketStatus.Ok, null, Attempts: 0);
        }

        var exchange = new Exchange(client, options, resilience);
        try
        {
            var request = prompt.Request(text);
            var reply = await exchange.SendAsync(request, cancellationToken);
            if (!prompt.TryRead(reply, out var answer, out var problem))
            {
                ProcessingMetrics.InvalidReplies.Add(1);
                var repaired = await exchange.SendAsync(prompt.Repair(request, reply, problem), cancellationToken);
                if (!prompt.TryRead(repaired, out answer, out problem))
                {
                    ProcessingMetrics.InvalidReplies.Add(1);
                    return exchange.Failed(FailureKind.InvalidOutput, $"the reply could not be used, even after a repair request: {problem}", price);
                }
            }

            return new TicketResult(answer.Category, answer.Confidence, answer.Summary, TicketStatus.Ok, null,
                (int)exchange.TokensIn, (int)exchange.TokensOut, price.Cost(exchange.TokensIn, exchange.TokensOut),
                FailureKind.None, exchange.Attempts, exchange.RateLimited);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException e)
        {
            return exchange.Failed(FailureKind.Timeout, $"no reply within {e.Timeout.TotalSeconds:0.#} s, {exchange.Attempts} times", price);
        }
        catch (ClientResultException e) when (e.Status == 429)
        {
            return exchange.Failed(FailureKind.RateLimited, $"still rate limited (429) after {exchange.Attempts} attempts", price);
        }
        catch (ClientResultException e) when (e.Status is 401 or 403 or 404)
        {
            // Not the ticket's fault and the same for every ticket: the chunk fails, and with it the job's rows say why.
            throw new InvalidOperationException($"the endpoint refused the request ({e.Status}): {e.Message}", e);
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException)
        {
            return exchange.Failed(FailureKind.ProcessorError, $"the endpoint failed {exchange.Attempts} times; last: {e.Message}", price);
        }
    }

    /// <summary>The requests made for one ticket, and what they used.</summary>
    private sealed class Exchange(IChatClient client, ChatOptions options, ResiliencePipeline resilience)
    {
        public int Attempts { get; private set; }
        public int RateLimited { get; private set; }
        public long TokensIn { get; private set; }
        public long TokensOut { get; private set; }

        public async Task<string> SendAsync(List<ChatMessage> messages, CancellationToken cancellationToken)
        {
            var response = await resilience.ExecuteAsync(
                async token =>
                {
                    Attempts++;
                    ProcessingMetrics.Requests.Add(1);
                    try
                    {
                        return await client.GetResponseAsync(messages, options, token);
                    }
                    catch (ClientResultException e)
                    {
                        if (e.Status == 429)
                        {
                            RateLimited++;
                            ProcessingMetrics.RateLimited.Add(1);
                        }
                        else
                        {
                            ProcessingMetrics.RequestErrors.Add(1);
                        }

                        throw;
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                    {
                        ProcessingMetrics.RequestErrors.Add(1);
                        throw;
                    }
                },
                cancellationToken);
            var tokensIn = response.Usage?.InputTokenCount ?? 0;
            var tokensOut = response.Usage?.OutputTokenCount ?? 0;
            TokensIn += tokensIn;
            TokensOut += tokensOut;
            ProcessingMetrics.TokensIn.Add(tokensIn);
            ProcessingMetrics.TokensOut.Add(tokensOut);
            return response.Text;
        }

        public TicketResult Failed(FailureKind kind, string error, ModelPrice price) =>
            new("", 0, "", TicketStatus.Failed, error, (int)TokensIn, (int)TokensOut, price.Cost(TokensIn, TokensOut),
                kind, Attempts, RateLimited);
    }
}
