namespace Scalability.Grains.Scaling.Policy;

/// <summary>The last few values of a signal, for a minimum, maximum or median over recent windows.</summary>
internal sealed class RollingWindow(int capacity)
{
    private readonly double[] _values = new double[Math.Max(1, capacity)];
    private int _next;

    public int Count { get; private set; }

    public void Add(double value)
    {
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        Count = Math.Min(Count + 1, _values.Length);
    }

    /// <summary>The smallest value held; NaN when empty.</summary>
    public double Min()
    {
        var min = double.NaN;
        foreach (var value in _values.AsSpan(0, Count))
        {
            min = double.IsNaN(min) ? value : Math.Min(min, value);
        }

        return min;
    }

    /// <summary>The largest value held; NaN when empty.</summary>
    public double Max()
    {
        var max = double.NaN;
        foreach (var value in _values.AsSpan(0, Count))
        {
            max = double.IsNaN(max) ? value : Math.Max(max, value);
        }

        return max;
    }

    /// <summary>The middle value held (the mean of the two middle ones for an even count); NaN when empty.</summary>
    public double Median()
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var sorted = _values.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        var middle = Count / 2;
        return Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public void Clear()
    {
        Count = 0;
        _next = 0;
    }
}
