namespace Scalability.Grains.Scaling.Policy;

/// <summary>The last few values of a signal, for a minimum or maximum over recent windows.</summary>
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

    public void Clear()
    {
        Count = 0;
        _next = 0;
    }
}
