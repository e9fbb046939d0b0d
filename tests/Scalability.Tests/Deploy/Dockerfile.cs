using System.Text.Json;

namespace Scalability.Tests.Deploy;

/// <summary>A Dockerfile's instructions, continuation lines joined and comments left out, in order.</summary>
internal sealed record Dockerfile(IReadOnlyList<Dockerfile.Instruction> Instructions)
{
    public sealed record Instruction(string Keyword, string Arguments, int Line)
    {
        /// <summary>The arguments of the exec form, <c>["a", "b"]</c>.</summary>
        public IReadOnlyList<string> ExecForm() =>
            JsonSerializer.Deserialize<string[]>(Arguments)
            ?? throw new Xunit.Sdk.XunitException($"line {Line}: {Keyword} is not in the exec form [\"…\"]");
    }

    public static Dockerfile Load(string path)
    {
        var instructions = new List<Instruction>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var start = i + 1;
            var text = line;
            while (text.EndsWith('\\') && i + 1 < lines.Length)
            {
                var next = lines[++i].Trim();
                text = text[..^1].TrimEnd() + (next.StartsWith('#') ? "" : " " + next);
            }

            var space = text.IndexOf(' ');
            instructions.Add(space < 0
                ? new Instruction(text.ToUpperInvariant(), "", start)
                : new Instruction(text[..space].ToUpperInvariant(), text[(space + 1)..].Trim(), start));
        }

        return new Dockerfile(instructions);
    }

    public IEnumerable<Instruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public Instruction Single(string keyword) => Assert.Single(All(keyword));

    /// <summary>The instructions of the last stage: what the image is made of.</summary>
    public IReadOnlyList<Instruction> FinalStage() =>
        Instructions.Skip(Instructions.Select((instruction, index) => (instruction, index)).Last(p => p.instruction.Keyword == "FROM").index).ToArray();
}
