namespace Scalability.Grains.Processing.Summaries;

/// <summary>What the boilerplate and stop-word lists of all languages say of one word; a word may be several.</summary>
[Flags]
internal enum WordFlags : ushort
{
    None = 0,
    Stop = 1 << 0,
    Closing = 1 << 1,
    Filler = 1 << 2,
    Problem = 1 << 3,
    Request = 1 << 4,
    Noise = 1 << 5,
    ContactLabel = 1 << 6,
    Disclaimer = 1 << 7,
    Addressee = 1 << 8,
    Month = 1 << 9,
    ReplyPrefix = 1 << 10,
}

/// <summary>What a phrase of the boilerplate lists opens; one phrase may open several in different languages.</summary>
[Flags]
internal enum PhraseKinds : byte
{
    None = 0,
    Greeting = 1 << 0,
    Valediction = 1 << 1,
    SignatureLine = 1 << 2,
}
