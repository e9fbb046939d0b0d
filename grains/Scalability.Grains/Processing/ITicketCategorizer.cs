namespace Scalability.Grains.Processing;

/// <summary>The local processor's categorizer half: the keyword taxonomy, or a model trained with <c>scale train</c>.</summary>
public interface ITicketCategorizer
{
    /// <summary>The category of a blank ticket, given with confidence 0.</summary>
    string FallbackCategory { get; }

    /// <summary>The most likely category of a text and how sure the categorizer is (0 to 1). Thread-safe.</summary>
    CategoryPrediction Categorize(string text);
}
