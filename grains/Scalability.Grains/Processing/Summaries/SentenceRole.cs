namespace Scalability.Grains.Processing.Summaries;

/// <summary>What a sentence of a ticket is to the summarizer; only <see cref="Content"/> is ever chosen as such.</summary>
internal enum SentenceRole : byte
{
    /// <summary>What the customer says: the candidates of a summary.</summary>
    Content,

    /// <summary>The subject line that heads the text ("Re: AW: Order 123"): its words say what matters, it is not chosen.</summary>
    Subject,

    /// <summary>A greeting with nothing after it ("Dear Customer Support,").</summary>
    Greeting,

    /// <summary>Thanks, courtesies and sign-offs ("Thanks in advance for your help!", "Kind regards,").</summary>
    Closing,

    /// <summary>A name, title, company, address or "Sent from my iPhone" line after a closing.</summary>
    Signature,

    /// <summary>A line of phone numbers, e-mail or web addresses.</summary>
    Contact,

    /// <summary>An e-mail disclaimer ("This message is confidential …").</summary>
    Disclaimer,

    /// <summary>Words that say nothing of the ticket ("Can you help me?"): chosen only when no content is left.</summary>
    Filler,
}

/// <summary>A sentence as the summarizer sees it: whole, without a greeting before its content, its role and score.</summary>
internal sealed record ExplainedSentence(string Sentence, string Content, SentenceRole Role, double Score);
