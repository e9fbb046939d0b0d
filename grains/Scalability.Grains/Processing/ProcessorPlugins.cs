using System.Reflection;
using System.Runtime.Loader;

namespace Scalability.Grains.Processing;

/// <summary>
/// Loads the processor factories of a user's assembly, for a silo started with <c>--plugin</c>. Every public,
/// non-abstract <see cref="ITicketProcessorFactory"/> with a parameterless constructor is registered under its kind.
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

        var factories = types
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITicketProcessorFactory).IsAssignableFrom(t))
            .Select(t => t.GetConstructor(Type.EmptyTypes) is not null
                ? (ITicketProcessorFactory)Activator.CreateInstance(t)!
                : throw new ArgumentException($"processor plug-in '{path}': {t.FullName} needs a public parameterless constructor"))
            .ToArray();
        return factories.Length > 0
            ? factories
            : throw new ArgumentException($"processor plug-in '{path}' has no public {nameof(ITicketProcessorFactory)} implementation");
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
