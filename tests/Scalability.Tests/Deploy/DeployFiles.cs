using System.CommandLine;
using Scalability.Cli;
using Scalability.Cli.Commands;
using Scalability.Silo;
using Scalability.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scalability.Tests.Deploy;

/// <summary>Reads the repository's deployment files, and the command lines in them as the real <c>scale</c> reads them.</summary>
internal static class DeployFiles
{
    public static string Path(string relative) => System.IO.Path.Combine(TestPaths.RepositoryRoot, relative);

    /// <summary>The documents of a YAML file, with merge keys (<c>&lt;&lt;: *anchor</c>) applied as compose applies them.</summary>
    public static IReadOnlyList<YamlMappingNode> LoadYaml(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path(relative)));
        try
        {
            stream.Load(new MergingParser(new Parser(reader)));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{relative}: {e.Start}: {e.Message}", e);
        }

        return stream.Documents
            .Where(d => d.RootNode is not YamlScalarNode { Value: null or "" })
            .Select(d => d.RootNode as YamlMappingNode ?? throw new InvalidDataException($"{relative}: a document that is not a mapping"))
            .ToArray();
    }

    /// <summary>Parses a <c>scale</c> command line with the real root command, failing on any parse error.</summary>
    public static ParseResult ParseScale(IReadOnlyList<string> args, string where)
    {
        var parsed = ScaleCommandLine.Parse(ScaleCommandLine.CreateRoot(), [.. args]);
        Assert.True(parsed.Errors.Count == 0,
            $"{where}: 'scale {string.Join(' ', args)}' does not parse: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        return parsed;
    }

    /// <summary>The silo a <c>scale silo …</c> command line starts, read as <c>scale silo</c> reads it.</summary>
    public static SiloSettings ReadSilo(IReadOnlyList<string> args, string where)
    {
        var parsed = ParseScale(args, where);
        Assert.True(parsed.CommandResult.Command.Name == "silo", $"{where}: 'scale {string.Join(' ', args)}' is not 'scale silo'");
        try
        {
            return SiloCommand.ReadSettings(parsed);
        }
        catch (ArgumentException e)
        {
            throw new Xunit.Sdk.XunitException($"{where}: scale silo refuses its arguments: {e.Message}");
        }
    }

    public static YamlNode? Find(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static YamlNode Get(this YamlNode node, params string[] path) =>
        node.Find(path) ?? throw new Xunit.Sdk.XunitException($"no '{string.Join('.', path)}' at {node.Start}");

    public static string Text(this YamlNode node, params string[] path) =>
        node.Get(path) is YamlScalarNode { Value: { } value } ? value : throw new Xunit.Sdk.XunitException($"'{string.Join('.', path)}' at {node.Start} is not a scalar");

    public static string? TextOrNull(this YamlNode node, params string[] path) => (node.Find(path) as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.Find(path) is YamlSequenceNode sequence ? sequence.Children.ToArray() : [];

    public static IReadOnlyList<string> Texts(this YamlNode node, params string[] path) =>
        node.Items(path).Select(item => ((YamlScalarNode)item).Value ?? "").ToArray();

    public static IReadOnlyDictionary<string, YamlNode> Entries(this YamlNode node, params string[] path) =>
        node.Find(path) is YamlMappingNode map
            ? map.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => pair.Value)
            : new Dictionary<string, YamlNode>();
}
