using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// The lexicon's words by hash, in an open-addressing table a quarter full: a word of a ticket costs one probe, most
/// of them landing on an empty slot at once. The summarizer looks up every word of every ticket, and this is several
/// times cheaper than a general dictionary. Read-only once built, so thread-safe.
/// </summary>
internal sealed class WordTable
{
    private readonly ulong[] _keys;
    private readonly WordFlags[] _values;
    private readonly int _mask;
    private readonly WordFlags _zeroKey;

    public WordTable(IReadOnlyDictionary<ulong, WordFlags> words)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, words.Count * 4));
        _keys = new ulong[capacity];
        _values = new WordFlags[capacity];
        _mask = capacity - 1;
        foreach (var (key, value) in words)
        {
            if (key == 0)
            {
                // 0 marks an empty slot; a word that hashes to it is kept aside.
                _zeroKey = value;
                continue;
            }

            var slot = (int)(key & (ulong)_mask);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = value;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public WordFlags Get(ulong key)
    {
        if (key == 0)
        {
            return _zeroKey;
        }

        var keys = _keys;
        var slot = (int)(key & (ulong)_mask);
        while (true)
        {
            var found = keys[slot];
            if (found == key)
            {
                return _values[slot];
            }

            if (found == 0)
            {
                return WordFlags.None;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
