namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// What <c>Languages/&lt;code&gt;/boilerplate.json</c> says of a language: the parts of a message that are not its
/// content (greetings, closings, signatures, contact lines, disclaimers, quoted replies) and the cue words that mark
/// the sentence with the problem or the request. Every entry is lower-case; phrases are matched word by word at the
/// start of a sentence, word lists word by word anywhere, both after the text's words are folded as
/// <see cref="TextScanning"/> folds them (so "can't" and "cant" are the same word).
/// </summary>
/// <param name="Greetings">Phrases that open a greeting ("dear", "good morning", "sehr geehrte damen und herren").</param>
/// <param name="Addressees">Words that may follow a greeting phrase before its comma ("team", "support", "frau").</param>
/// <param name="Valedictions">Sign-off phrases, which a name and the signature may follow ("kind regards", "thanks").</param>
/// <param name="ClosingWords">Words of thanks and courtesy: a sentence made only of these, filler and stop words, with at
/// least one of these, is a closing ("Thanks in advance for your help!").</param>
/// <param name="FillerWords">Words that say nothing of the ticket ("help", "question", "asap"): a sentence made only of
/// these and stop words is filler, chosen only when nothing else is left.</param>
/// <param name="SignatureLines">Phrases that open a signature line ("sent from my", "von meinem").</param>
/// <param name="ContactLabels">Labels of contact lines ("tel", "e-mail", "www").</param>
/// <param name="DisclaimerCues">Words of e-mail disclaimers; a sentence with two different ones is a disclaimer.</param>
/// <param name="ProblemCues">Words that mark something wrong: negations, failures, damage, double charges.</param>
/// <param name="RequestCues">Words that mark what the customer asks for: "please", "refund", "cancel", question words.</param>
/// <param name="NoiseWords">Timeline and reference words (weekdays, months, "called", "ticket", "number").</param>
/// <param name="Months">Month names and their abbreviations, which tell a date's period ("am 3. Juni") from a sentence's end.</param>
/// <param name="ReplyPrefixes">Prefixes of a reply's or forward's subject line ("re", "aw", "fwd").</param>
/// <param name="Quoting">How an earlier message quoted below a reply starts.</param>
public sealed record BoilerplateFile(
    string Code,
    IReadOnlyList<string> Greetings,
    IReadOnlyList<string> Addressees,
    IReadOnlyList<string> Valedictions,
    IReadOnlyList<string> ClosingWords,
    IReadOnlyList<string> FillerWords,
    IReadOnlyList<string> SignatureLines,
    IReadOnlyList<string> ContactLabels,
    IReadOnlyList<string> DisclaimerCues,
    IReadOnlyList<string> ProblemCues,
    IReadOnlyList<string> RequestCues,
    IReadOnlyList<string> NoiseWords,
    IReadOnlyList<string> Months,
    IReadOnlyList<string> ReplyPrefixes,
    QuotingRules Quoting);

/// <summary>How a language's mail programs introduce the earlier message quoted below a reply.</summary>
/// <param name="AttributionOpeners">The first word(s) of an attribution line: "on" of "On Mon, 3 Jun 2024, X wrote:".</param>
/// <param name="AttributionVerbs">Its verb, which the line's closing colon follows: "wrote", "schrieb", "a écrit".</param>
/// <param name="FromFields">The header field that opens a quoted header block: "from", "von", "de".</param>
/// <param name="HeaderFields">The fields that follow it: "sent", "to", "subject", "gesendet", "betreff".</param>
/// <param name="Separators">The words of a separator line: "original message" of "-----Original Message-----".</param>
public sealed record QuotingRules(
    IReadOnlyList<string> AttributionOpeners,
    IReadOnlyList<string> AttributionVerbs,
    IReadOnlyList<string> FromFields,
    IReadOnlyList<string> HeaderFields,
    IReadOnlyList<string> Separators);
