using System.Globalization;
using System.Text;
using Scalability.GrainInterfaces.Jobs;
using Scalability.GrainInterfaces.Processing;
using Scalability.Grains.Processing;

namespace Scalability.TestPlugins;

/// <summary>
/// The local processor, which also writes down every ticket it processes (job, chunk, attempt, record number) in a
/// journal file per process under <c>SCALE_TEST_JOURNAL</c>, so that a test can count how often each row was processed
/// across silo processes that are killed and restarted. <c>SCALE_TEST_PAUSE_MS</c> adds a pause per batch to make a
/// job last long enough to be interrupted.
/// </summary>
public sealed class CountingProcessorFactory : ITicketProcessorFactory
{
    public const string CountingKind = "test-counting";
    public const string JournalVariable = "SCALE_TEST_JOURNAL";
    public const string PauseVariable = "SCALE_TEST_PAUSE_MS";

    public string Kind => CountingKind;

    public ITicketProcessor Create(ProcessorSpec spec, ChunkAssignment assignment) =>
        new CountingProcessor(LocalTicketProcessor.Create(spec with { Kind = ProcessorSpec.LocalKind }), assignment);

    private sealed class CountingProcessor(ITicketProcessor inner, ChunkAssignment assignment) : ITicketProcessor
    {
        public async ValueTask<IReadOnlyList<TicketResult>> ProcessAsync(IReadOnlyList<Ticket> batch, CancellationToken cancellationToken)
        {
            if (Journal.Pause > TimeSpan.Zero)
            {
                await Task.Delay(Journal.Pause, cancellationToken);
            }

            var results = await inner.ProcessAsync(batch, cancellationToken);
            Journal.Write(assignment, batch);
            return results;
        }
    }

    private static class Journal
    {
        private static readonly Lock Gate = new();
        private static readonly StreamWriter? Writer = Open();

        public static TimeSpan Pause { get; } =
            TimeSpan.FromMilliseconds(int.TryParse(Environment.GetEnvironmentVariable(PauseVariable), out var ms) ? ms : 0);

        public static void Write(ChunkAssignment assignment, IReadOnlyList<Ticket> batch)
        {
            if (Writer is null)
            {
                return;
            }

            var lines = new StringBuilder();
            foreach (var ticket in batch)
            {
                lines.Append(CultureInfo.InvariantCulture, $"{assignment.JobId}\t{assignment.Index}\t{assignment.Attempt}\t{ticket.RecordNumber}\n");
            }

            lock (Gate)
            {
                // Flushed to the operating system at once: a process killed later loses nothing already written.
                Writer.Write(lines);
                Writer.Flush();
            }
        }

        private static StreamWriter? Open()
        {
            var folder = Environment.GetEnvironmentVariable(JournalVariable);
            if (string.IsNullOrEmpty(folder))
            {
                return null;
            }

            Directory.CreateDirectory(folder);
            return new StreamWriter(Path.Combine(folder, $"journal-{Environment.ProcessId}.tsv"), append: true, Encoding.UTF8);
        }
    }
}
