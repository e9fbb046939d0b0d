using Scalability.GrainInterfaces.Costing;

namespace Scalability.Grains.Costing;

/// <summary>Fills in what a planning request leaves out, so that a number of tickets alone can be planned.</summary>
public static class PlanningInputs
{
    /// <summary>Synthetic tickets sampled to stand for a dataset that is not at hand.</summary>
    public const int SyntheticSampleSize = 400;

    /// <summary>
    /// A dataset given only by its rows gets the synthetic generator's row size and ticket length, and an llm workload
    /// without a token estimate (or a measured cost per ticket) gets one counted on synthetic tickets with the default
    /// prompt; the projection's assumptions say so.
    /// </summary>
    public static PlanningRequest Complete(PlanningRequest request)
    {
        var needsShape = request.Dataset.Rows > 0 && request.Dataset.Bytes == 0;
        var needsTokens = request.Workload.IsLlm && request.Tokens is null && request.Measured?.ProcessorCostPerTicketUsd is null;
        if (!needsShape && !needsTokens)
        {
            return request;
        }

        var sample = TicketSample.Synthetic(request.Dataset.Rows, SyntheticSampleSize);
        var tokens = needsTokens
            ? TokenEstimator.ForSample(sample, new TokenSampleRequest("", request.Workload.Model ?? throw new ArgumentException("an llm plan needs the model"))) with
            {
                SampledFrom = TokenEstimate.FromSynthetic,
            }
            : request.Tokens;
        return request with { Dataset = needsShape ? sample.Dataset : request.Dataset, Tokens = tokens };
    }
}
