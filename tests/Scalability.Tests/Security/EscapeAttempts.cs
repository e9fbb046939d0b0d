using Scalability.Grains.Output;
using Scalability.Tests.Support;

namespace Scalability.Tests.Security;

/// <summary>
/// Paths that try to leave a data root, laid out on disk: a folder outside every root of the tests' silos (with a file
/// to steal), a look-alike sibling of the root, and links inside the root that lead out. Each attempt names the input
/// and output a job would be given.
/// </summary>
public sealed class EscapeAttempts : IDisposable
{
    public EscapeAttempts(string root)
    {
        Root = root;
        // Beside the tests' scratch root, not under it: outside every data root the tests' silos have.
        Outside = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "scale-outside-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        LookAlike = Directory.CreateDirectory(TempFolder.Root + "-evil-" + Guid.NewGuid().ToString("N")[..8]).FullName;
        Legit = Path.Combine(root, "tickets.csv");
        File.WriteAllText(Legit, Tickets);
        File.WriteAllText(Path.Combine(Outside, "secret.csv"), Tickets);
        File.WriteAllText(Path.Combine(LookAlike, "tickets.csv"), Tickets);
        File.CreateSymbolicLink(Path.Combine(root, "linked.csv"), Path.Combine(Outside, "secret.csv"));
        Directory.CreateSymbolicLink(Path.Combine(root, "elsewhere"), Outside);
        File.CreateSymbolicLink(PartFiles.SummaryPath(Path.Combine(root, "beside.csv")), Path.Combine(Outside, "victim.json"));
    }

    public const string Tickets = "ticket_id,subject,body\n1,Refund,I want my money back\n2,Login,I cannot log in\n3,Crash,The app crashes\n";

    public string Root { get; }

    public string Outside { get; }

    public string LookAlike { get; }

    public string Legit { get; }

    public string LegitOutput => Path.Combine(Root, "results.csv");

    /// <summary>The stolen file, reached from the root by <c>..</c> segments.</summary>
    public string DotDot => Path.Combine(Root, Path.GetRelativePath(Root, Outside), "secret.csv");

    /// <summary>Each attempt: its name, the input, the output, and the path the refusal must name.</summary>
    public IReadOnlyList<(string Name, string Input, string Output, string Named)> All =>
    [
        ("dot-dot segments", DotDot, LegitOutput, DotDot),
        ("an absolute path outside", Path.Combine(Outside, "secret.csv"), LegitOutput, Path.Combine(Outside, "secret.csv")),
        ("a link to a file outside", Path.Combine(Root, "linked.csv"), LegitOutput, Path.Combine(Root, "linked.csv")),
        ("a linked folder outside", Path.Combine(Root, "elsewhere", "secret.csv"), LegitOutput, Path.Combine(Root, "elsewhere", "secret.csv")),
        ("an output in a linked folder", Legit, Path.Combine(Root, "elsewhere", "results.csv"), Path.Combine(Root, "elsewhere", "results.csv")),
        ("an output beside a link", Legit, Path.Combine(Root, "beside.csv"), PartFiles.SummaryPath(Path.Combine(Root, "beside.csv"))),
        ("a look-alike of the root", Path.Combine(LookAlike, "tickets.csv"), LegitOutput, Path.Combine(LookAlike, "tickets.csv")),
    ];

    /// <summary>The outside folder still holds only the file put there: nothing was written through a link.</summary>
    public string[] OutsideFiles() => Directory.GetFiles(Outside).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public void Dispose()
    {
        foreach (var folder in new[] { Outside, LookAlike })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS's temp cleaner.
            }
        }
    }
}
