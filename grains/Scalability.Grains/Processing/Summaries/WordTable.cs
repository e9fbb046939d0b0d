using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// Word hashes and their flags in an open-addressing table at most half full: a word of a ticket costs one probe,
/// most of them landing on an empty slot at once. The summarizer looks up every word of every ticket, and this is
/// several times cheaper than a general dictionary (and costs no generic code to compile when a job starts).
/// Built single-threaded, then only read, so thread-safe.
/// </summary>
internal sealed class WordTable
{
    private readonly ulong[] _keys;
    private readonly WordFlags[] _values;
    private readonly int _mask;
    private WordFlags _zeroKey;
    private int _count;

    /// <param name="capacity">The most words the table will hold.</param>
    public WordTable(int capacity)
    {
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _keys = new ulong[slots];
        _values = new WordFlags[slots];
        _mask = slots - 1;
    }

    /// <summary>Adds <paramref name="flags"/> to the word's.</summary>
    /// <exception cref="InvalidOperationException">More words than the capacity given.</exception>
    public void Add(ulong key, WordFlags flags)
    {
        if (key == 0)
        {
            // 0 marks an empty slot; a word that hashes to it is kept aside.
            _zeroKey |= flags;
            return;
        }

        var slot = (int)(key & (ulong)_mask);
        while (_keys[slot] != 0 && _keys[slot] != key)
        {
            slot = (slot + 1) & _mask;
        }

        if (_keys[slot] == 0)
        {
            if (++_count * 2 > _keys.Length)
            {
                throw new InvalidOperationException($"the word table holds more than the {_keys.Length / 2} words it was made for");
            }

            _keys[slot] = key;
        }

        _values[slot] |= flags;
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
