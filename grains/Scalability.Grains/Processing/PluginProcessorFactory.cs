using System.Collections.Concurrent;

namespace Scalability.Grains.Processing;

/// <summary>
/// The <c>plugin</c> processor: the one processor of the assembly a job names (<see cref="ProcessorSpec.PluginPath"/>),
/// loaded by each silo that runs the job's chunks. An assembly is loaded once per silo and version of the file, not
/// per chunk: a rebuilt plug-in (a new write time) is loaded afresh.
/// </summary>
public sealed class PluginProcessorFactory : ITicketProcessorFactory
{
    private static readonly ConcurrentDictionary<(string Path, DateTime WrittenUtc), Lazy<ITicketProcessorFactory>> Loaded = new();

    public string Kind => ProcessorSpec.PluginKind;

    public ITicketProcessor Create(ProcessorSpec spec, ChunkAssignment assignment) => Resolve(spec).Create(spec, assignment);

    /// <summary>The factory behind a plug-in spec; used at submission too, so that a bad path fails the job at once.</summary>
    /// <exception cref="ArgumentException">No path, a missing file, not a plug-in, or more than one processor in it.</exception>
    public static ITicketProcessorFactory Resolve(ProcessorSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.PluginPath))
        {
            throw new ArgumentException("the plugin processor needs the assembly's path: --processor plugin:<path>");
        }

        var path = Path.GetFullPath(spec.PluginPath);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"processor plug-in '{path}' does not exist");
        }

        var key = (path, File.GetLastWriteTimeUtc(path));
        var lazy = Loaded.GetOrAdd(key, k => new Lazy<ITicketProcessorFactory>(() => Single(k.Path)));
        try
        {
            return lazy.Value;
        }
        catch (ArgumentException)
        {
            // A failed load is not cached: the user may fix the file and submit again.
            Loaded.TryRemove(new KeyValuePair<(string, DateTime), Lazy<ITicketProcessorFactory>>(key, lazy));
            throw;
        }
    }

    private static ITicketProcessorFactory Single(string path)
    {
        var factories = ProcessorPlugins.Load(path);
        return factories.Count == 1
            ? factories[0]
            : throw new ArgumentException(
                $"processor plug-in '{path}' offers {factories.Count} processors ({string.Join(", ", factories.Select(f => f.Kind))}); " +
                "a job can name an assembly with one, or start the silos with --plugin and pick a kind with --processor <kind>");
    }
}
