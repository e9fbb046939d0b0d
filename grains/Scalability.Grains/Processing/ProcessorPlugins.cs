using System.Reflection;
using System.Runtime.Loader;

namespace Scalability.Grains.Processing;

/// <summary>
/// Loads the processors of a user's assembly: for a silo started with <c>--plugin</c>, and for a job run with
/// <c>--processor plugin:&lt;path&gt;</c>. Every public, non-abstract <see cref="ITicketProcessorFactory"/> with a
/// parameterless constructor is registered under its kind. An assembly without factories may instead hold plain
/// <see cref="ITicketProcessor"/> classes (a public constructor taking nothing or a <see cref="ProcessorSpec"/>), each
/// served under its class name: the simplest plug-in is one class.
/// </summary>
public static class ProcessorPlugins
{
    public static IReadOnlyList<ITicketProcessorFactory> Load(string assemblyPath)
    {
        var path = Path.GetFullPath(assemblyPath);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"processor plug-in '{path}' does not exist");
        }

        Assembly assembly;
        try
        {
            assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
        }
        catch (BadImageFormatException e)
        {
            throw new ArgumentException($"processor plug-in '{path}' is not a .NET assembly: {e.Message}", e);
        }

        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new ArgumentException($"processor plug-in '{path}' could not be loaded: {e.Message}", e);
        }

        var concrete = types.Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }).ToArray();
        var factories = concrete
            .Where(t => typeof(ITicketProcessorFactory).IsAssignableFrom(t))
            .Select(t => t.GetConstructor(Type.EmptyTypes) is not null
                ? (ITicketProcessorFactory)Activator.CreateInstance(t)!
                : throw new ArgumentException($"processor plug-in '{path}': {t.FullName} needs a public parameterless constructor"))
            .ToArray();
        if (factories.Length > 0)
        {
            return factories;
        }

        var processors = concrete
            .Where(t => typeof(ITicketProcessor).IsAssignableFrom(t))
            .Select(t => t.GetConstructor(Type.EmptyTypes) is not null || t.GetConstructor([typeof(ProcessorSpec)]) is not null
                ? new ProcessorTypeFactory(t)
                : throw new ArgumentException(
                    $"processor plug-in '{path}': {t.FullName} needs a public constructor that takes nothing or a {nameof(ProcessorSpec)}"))
            .ToArray<ITicketProcessorFactory>();
        return processors.Length > 0
            ? processors
            : throw new ArgumentException(
                $"processor plug-in '{path}' has no public {nameof(ITicketProcessor)} or {nameof(ITicketProcessorFactory)} implementation");
    }

    /// <summary>Serves a plain processor class: a new instance per chunk, so that it need not be thread-safe.</summary>
    private sealed class ProcessorTypeFactory(Type type) : ITicketProcessorFactory
    {
        public string Kind => type.Name;

        public ITicketProcessor Create(ProcessorSpec spec, ChunkAssignment assignment) =>
            (ITicketProcessor)(type.GetConstructor([typeof(ProcessorSpec)]) is { } withSpec
                ? withSpec.Invoke([spec])
                : Activator.CreateInstance(type)!);
    }

    /// <summary>
    /// The plug-in's own dependencies load beside it; the product's assemblies (and anything the silo already has)
    /// come from the silo, so that the plug-in's factories are the silo's <see cref="ITicketProcessorFactory"/>.
    /// </summary>
    private sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(pluginPath))
    {
        private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

        protected override Assembly? Load(AssemblyName name)
        {
            if (Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name)))
            {
                return null;
            }

            try
            {
                return Default.LoadFromAssemblyName(name);
            }
            catch (FileNotFoundException)
            {
                return _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
            }
        }
    }
}
