using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Scalability.Benchmarks;

/// <summary>
/// A bounded, order-keeping parallel map: items are pulled from a source one at a time, transformed by several
/// workers under <see cref="Parallel.ForEachAsync{TSource}(IAsyncEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>,
/// and handed to a single consumer in source order. At most <c>window</c> items are between the source and the
/// consumer, so memory is bounded by the window however long the source is.
/// </summary>
internal static class OrderedParallel
{
    public static async Task RunAsync<TIn, TOut>(
        IEnumerable<TIn> source,
        Func<TIn, CancellationToken, ValueTask<TOut>> transform,
        Action<TIn, TOut> consumeInOrder,
        int degree,
        int window,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, degree);

        // The queue holds items in source order; the workers complete them in any order. Its bound is the window:
        // the source waits while the consumer is a window behind.
        var queue = Channel.CreateBounded<InFlight<TIn, TOut>>(
            new BoundedChannelOptions(window) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var consuming = ConsumeAsync(queue.Reader, consumeInOrder, stop);

        try
        {
            await Parallel.ForEachAsync(
                Enqueue(source, queue.Writer, stop.Token),
                new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = stop.Token },
                async (item, token) =>
                {
                    try
                    {
                        item.Result.SetResult(await transform(item.Input, token));
                    }
                    catch (Exception e)
                    {
                        item.Result.SetException(e);
                        throw;
                    }
                });
        }
        catch (Exception failure)
        {
            // An item queued but never handed to a worker would keep the consumer waiting: stop it too.
            await stop.CancelAsync();
            queue.Writer.TryComplete();
            await consuming.ContinueWith(static _ => { }, TaskScheduler.Default);

            // When the consumer failed first, the workers only saw the cancellation it caused: its error is the news.
            if (failure is OperationCanceledException &&
                consuming.Exception?.InnerException is { } consumerFailure and not OperationCanceledException)
            {
                ExceptionDispatchInfo.Throw(consumerFailure);
            }

            throw;
        }

        queue.Writer.Complete();
        await consuming;
    }

    private static async IAsyncEnumerable<InFlight<TIn, TOut>> Enqueue<TIn, TOut>(
        IEnumerable<TIn> source, ChannelWriter<InFlight<TIn, TOut>> queue, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var input in source)
        {
            var item = new InFlight<TIn, TOut>(input);
            // Queued before a worker gets it, so the queue's order is the source's order.
            await queue.WriteAsync(item, cancellationToken);
            yield return item;
        }
    }

    private static async Task ConsumeAsync<TIn, TOut>(
        ChannelReader<InFlight<TIn, TOut>> queue, Action<TIn, TOut> consumeInOrder, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var item in queue.ReadAllAsync(stop.Token))
            {
                consumeInOrder(item.Input, await item.Result.Task.WaitAsync(stop.Token));
            }
        }
        catch
        {
            // A consumer that cannot go on (a full disk) must stop the source, which would otherwise wait for room.
            await stop.CancelAsync();
            throw;
        }
    }

    private sealed class InFlight<TIn, TOut>(TIn input)
    {
        public TIn Input { get; } = input;

        // Completed by a worker thread; the consumer resumes on the thread pool rather than inside that worker.
        public TaskCompletionSource<TOut> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
