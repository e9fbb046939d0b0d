using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Scalability.Tests.Deploy;

/// <summary>
/// deploy/docker/Dockerfile, read as text (no container engine runs here): that its build copies everything the
/// <c>scale</c> program is built from, and that the command it runs is one the real <c>scale</c> accepts, with
/// the ports it exposes and checks.
/// </summary>
public sealed partial class DockerfileTests
{
    private const string DockerfilePath = "deploy/docker/Dockerfile";
    private const string CliProject = "client/Scalability.Cli/Scalability.Cli.csproj";

    private static readonly Dockerfile Image = Dockerfile.Load(DeployFiles.Path(DockerfilePath));

    [Fact]
    public void Builds_on_the_dotnet_10_sdk_and_runs_on_the_aspnet_10_runtime()
    {
        var stages = Image.All("FROM").Select(i => i.Arguments).ToArray();

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0 AS build", "mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"], stages);
        Assert.Contains(Image.FinalStage(), i => i.Keyword == "COPY" && i.Arguments == "--from=build /app /app");
    }

    [Fact]
    public void Publishes_the_scale_program_and_runs_it_as_the_entry_point()
    {
        var publish = Assert.Single(Image.All("RUN"), i => i.Arguments.Contains("dotnet publish"));
        Assert.Contains($"dotnet publish {CliProject} -c Release -o /app", publish.Arguments);
        Assert.Equal("scale", XDocument.Load(DeployFiles.Path(CliProject)).Descendants("AssemblyName").Single().Value);

        // The entry point is `scale` on the PATH, a script that execs the published program.
        Assert.Equal(["scale"], Image.Single("ENTRYPOINT").ExecForm());
        var wrapper = Assert.Single(Image.FinalStage(), i => i.Keyword == "RUN" && i.Arguments.Contains("/usr/local/bin/scale"));
        Assert.Contains("exec dotnet /app/scale.dll \"$@\"", wrapper.Arguments);
    }

    [Fact]
    public void Copies_every_project_the_cli_is_built_from_before_restoring_and_publishing()
    {
        var copies = Image.All("COPY").Where(i => !i.Arguments.StartsWith("--from", StringComparison.Ordinal)).ToArray();
        var restoreLine = Assert.Single(Image.All("RUN"), i => i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal)).Line;
        var copiedBeforeRestore = copies.Where(c => c.Line < restoreLine).SelectMany(Sources).ToHashSet();
        var copied = copies.SelectMany(Sources).ToArray();

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.Contains(file, copiedBeforeRestore);
        }

        foreach (var project in ProjectClosure(CliProject))
        {
            Assert.True(copiedBeforeRestore.Contains(project), $"{project} is not copied before 'dotnet restore'");
            var folder = Path.GetDirectoryName(project)!.Replace('\\', '/');
            Assert.True(copied.Any(source => folder.StartsWith(source.TrimEnd('/'), StringComparison.Ordinal)), $"{folder}/ is never copied");
            foreach (var embedded in EmbeddedFilesOutside(project))
            {
                Assert.True(copied.Any(source => embedded.StartsWith(source.TrimEnd('/') + "/", StringComparison.Ordinal)),
                    $"{project} embeds {embedded}, which the build stage does not copy");
            }
        }

        foreach (var source in copied)
        {
            Assert.True(File.Exists(DeployFiles.Path(source)) || Directory.Exists(DeployFiles.Path(source)), $"COPY {source}: no such file in the repository");
        }
    }

    [Fact]
    public void Runs_as_a_user_other_than_root()
    {
        var user = Assert.Single(Image.FinalStage(), i => i.Keyword == "USER").Arguments;

        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
    }

    [Fact]
    public void Its_default_command_is_a_silo_the_cli_accepts_with_the_exposed_and_health_checked_ports()
    {
        var args = Image.Single("CMD").ExecForm();

        var silo = DeployFiles.ReadSilo(args, DockerfilePath + " CMD");

        var exposed = Image.Single("EXPOSE").Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var http = Assert.IsType<Uri>(silo.Http);
        Assert.Equal(new[] { silo.SiloPort, silo.GatewayPort, http.Port }.Order(), exposed.Order());
        // Reachable from outside the container (the published port, a probe), not only on its loopback.
        Assert.Equal("0.0.0.0", http.Host);

        var check = HealthCheckUrl().Match(Image.Single("HEALTHCHECK").Arguments);
        Assert.True(check.Success, "HEALTHCHECK does not fetch /healthz over HTTP");
        Assert.Equal(http.Port, int.Parse(check.Groups["port"].Value));
        // Jobs read and write on the image's volume and nowhere else; off loopback the silo needs its HTTP token.
        Assert.Equal([Image.Single("VOLUME").Arguments.Trim()], silo.DataRoots);
        Assert.Null(silo.HttpToken);
        Assert.NotNull(Scalability.Silo.Http.HttpAccess.Refusal(silo.Http, silo.HttpToken));
    }

    [Fact]
    public void Silos_in_containers_advertise_their_own_address()
    {
        var variable = Assert.Single(Image.FinalStage(), i => i.Keyword == "ENV" && i.Arguments.StartsWith("SCALE_SILO_ADDRESS=", StringComparison.Ordinal));

        Assert.Equal($"{AdvertisedAddressVariable}={OwnHostName}", variable.Arguments);
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_tests_and_data()
    {
        var ignored = File.ReadAllLines(DeployFiles.Path(".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

        foreach (var pattern in new[] { "**/bin/", "**/obj/", ".git/", "tests/", "*.csv", "deploy/.env" })
        {
            Assert.Contains(pattern, ignored);
        }

        // Nothing the build copies may be ignored.
        foreach (var source in Image.All("COPY").Where(i => !i.Arguments.StartsWith("--from", StringComparison.Ordinal)).SelectMany(Sources))
        {
            Assert.DoesNotContain(ignored, pattern => source.StartsWith(pattern.TrimEnd('/'), StringComparison.Ordinal));
        }
    }

    private const string AdvertisedAddressVariable = Scalability.Cli.Commands.AdvertisedAddress.Variable;
    private const string OwnHostName = Scalability.Cli.Commands.AdvertisedAddress.OwnHostName;

    /// <summary>A COPY's sources: all its paths but the last (the destination).</summary>
    private static IEnumerable<string> Sources(Dockerfile.Instruction copy)
    {
        var paths = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return paths[..^1];
    }

    /// <summary>A project and every project it references, directly or not, as repository paths.</summary>
    private static IReadOnlyList<string> ProjectClosure(string project)
    {
        var found = new List<string>();
        var pending = new Queue<string>([project]);
        while (pending.TryDequeue(out var next))
        {
            if (found.Contains(next))
            {
                continue;
            }

            found.Add(next);
            foreach (var reference in XDocument.Load(DeployFiles.Path(next)).Descendants("ProjectReference"))
            {
                pending.Enqueue(Relative(next, reference.Attribute("Include")!.Value));
            }
        }

        return found;
    }

    /// <summary>Files a project embeds from outside its own folder (the silo's SQL scripts), as repository folders.</summary>
    private static IEnumerable<string> EmbeddedFilesOutside(string project) =>
        XDocument.Load(DeployFiles.Path(project)).Descendants("EmbeddedResource")
            .Select(e => e.Attribute("Include")!.Value)
            .Where(include => include.StartsWith("..", StringComparison.Ordinal))
            .Select(include => Path.GetDirectoryName(Relative(project, include))!.Replace('\\', '/'));

    private static string Relative(string project, string include)
    {
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(DeployFiles.Path(project))!, include.Replace('\\', '/')));
        return Path.GetRelativePath(DeployFiles.Path("."), full).Replace('\\', '/');
    }

    [GeneratedRegex(@"curl\b.*\bhttp://127\.0\.0\.1:(?<port>\d+)/healthz\b")]
    private static partial Regex HealthCheckUrl();
}
