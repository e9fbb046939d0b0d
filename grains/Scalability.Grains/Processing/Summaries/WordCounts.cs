using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scalability.Grains.Processing.Summaries;

/// <summary>
/// How often each content word of one ticket occurs, and whether its subject has it: an open-addressing table reused
/// ticket after ticket (only the slots a ticket used are cleared), cheaper per word than a dictionary.
/// </summary>
internal sealed class WordCounts
{
    private ulong[] _keys = new ulong[1024];
    private int[] _values = new int[1024];
    private int[] _used = new int[256];
    private int _count;
    private int _mask = 1023;

    /// <summary>Set in a value when the subject line has the word.</summary>
    public const int InSubject = 1 << 24;

    public int Count => _count;

    public void Clear()
    {
        foreach (var slot in _used.AsSpan(0, _count))
        {
            _keys[slot] = 0;
            _values[slot] = 0;
        }

        _count = 0;
    }

    /// <summary>One more occurrence in a content sentence.</summary>
    public void Add(ulong key) => Slot(key)++;

    /// <summary>The word occurs in the subject.</summary>
    public void MarkSubject(ulong key) => Slot(key) |= InSubject;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(ulong key)
    {
        key = key == 0 ? 1 : key;
        var slot = (int)(key & (ulong)_mask);
        while (true)
        {
            var found = _keys[slot];
            if (found == key)
            {
                return _values[slot];
            }

            if (found == 0)
            {
                return 0;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private ref int Slot(ulong key)
    {
        // 0 marks an empty slot; a word that hashes to it shares 1's count, which costs nothing but precision.
        key = key == 0 ? 1 : key;
        if ((_count + 1) * 4 > _keys.Length)
        {
            Grow();
        }

        var slot = (int)(key & (ulong)_mask);
        while (true)
        {
            var found = _keys[slot];
            if (found == key)
            {
                return ref _values[slot];
            }

            if (found == 0)
            {
                _keys[slot] = key;
                if (_count == _used.Length)
                {
                    Array.Resize(ref _used, _used.Length * 2);
                }

                _used[_count++] = slot;
                return ref _values[slot];
            }

            slot = (slot + 1) & _mask;
        }
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        var used = _used.AsSpan(0, _count).ToArray();
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)keys.Length * 2);
        _keys = new ulong[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
        _count = 0;
        foreach (var slot in used)
        {
            Slot(keys[slot]) = values[slot];
        }
    }

    /// <summary>Whether an unusually long ticket grew the table past what is worth keeping on a thread.</summary>
    public bool IsLarge => _keys.Length > 16_384;
}
