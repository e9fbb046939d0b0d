namespace Scalability.Tests.Support;

/// <summary>Waits for a condition that becomes true on its own (a background clean-up, a file appearing).</summary>
public static class Eventually
{
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan patience) =>
        TrueAsync(() => Task.FromResult(condition()), patience);

    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            try
            {
                await ticks.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return await condition();
            }
        }

        return true;
    }
}
