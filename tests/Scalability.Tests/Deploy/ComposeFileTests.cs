using System.Text.RegularExpressions;
using Npgsql;
using Scalability.Silo.Storage;
using YamlDotNet.RepresentationModel;

namespace Scalability.Tests.Deploy;

/// <summary>
/// deploy/docker-compose.yml, read as compose reads it (no container engine runs here): PostgreSQL with its password
/// from the environment file, three silos whose command the real <c>scale silo</c> accepts, health checks,
/// loopback-only published ports and one data volume.
/// </summary>
public sealed partial class ComposeFileTests
{
    private const string ComposePath = "deploy/docker-compose.yml";

    private static readonly YamlMappingNode Compose = Assert.Single(DeployFiles.LoadYaml(ComposePath));

    private static YamlNode Service(string name) => Compose.Get("services", name);

    [Fact]
    public void Postgres_is_the_official_image_with_its_password_from_the_environment_file_and_a_volume()
    {
        var postgres = Service("postgres");

        Assert.Matches(@"^postgres:(1[5-9]|[2-9]\d)$", postgres.Text("image"));
        Assert.Matches(PasswordVariable(), postgres.Text("environment", "POSTGRES_PASSWORD"));
        Assert.Contains(postgres.Texts("volumes"), v => v.StartsWith("postgres:", StringComparison.Ordinal));
        Assert.Contains("pg_isready", string.Join(' ', postgres.Texts("healthcheck", "test")));
        Assert.Contains("POSTGRES_PASSWORD=", File.ReadAllText(DeployFiles.Path("deploy/.env.example")));
        Assert.Contains($"{Scalability.Silo.Http.HttpAccess.TokenVariable}=", File.ReadAllText(DeployFiles.Path("deploy/.env.example")));
        Assert.Contains("/deploy/.env", File.ReadAllLines(DeployFiles.Path(".gitignore")));
    }

    [Fact]
    public void Three_silos_run_a_command_scale_silo_accepts_on_the_compose_postgres_without_a_password_in_it()
    {
        var silo = Service("silo");
        var settings = DeployFiles.ReadSilo(silo.Texts("command"), ComposePath + " silo");

        Assert.Equal("3", silo.Text("deploy", "replicas"));
        var clustering = Assert.IsType<PostgresDatabase>(settings.Clustering);
        Assert.Equal(clustering, settings.Storage);
        var connection = new NpgsqlConnectionStringBuilder(clustering.ConnectionString);
        Assert.Equal("postgres", connection.Host);
        Assert.Equal(Service("postgres").Text("environment", "POSTGRES_USER"), connection.Username);
        Assert.Equal(Service("postgres").Text("environment", "POSTGRES_DB"), connection.Database);
        Assert.Null(connection.Password);
        // The PostgreSQL client reads the password from PGPASSWORD: the same variable PostgreSQL is given.
        Assert.Equal(Service("postgres").Text("environment", "POSTGRES_PASSWORD"), silo.Text("environment", "PGPASSWORD"));
        Assert.Equal("auto", silo.Texts("command")[silo.Texts("command").ToList().IndexOf("--address") + 1]);
    }

    [Fact]
    public void Silos_publish_only_their_http_port_and_only_on_loopback_and_check_their_health_there()
    {
        var silo = Service("silo");
        var http = DeployFiles.ReadSilo(silo.Texts("command"), ComposePath + " silo").Http!;

        var published = Assert.Single(silo.Texts("ports"));
        var match = PublishedRange().Match(published);
        Assert.True(match.Success, $"'{published}' is not published on 127.0.0.1");
        Assert.Equal(http.Port, int.Parse(match.Groups["container"].Value));
        // One host port per replica, with room to add silos.
        Assert.True(int.Parse(match.Groups["last"].Value) - int.Parse(match.Groups["first"].Value) + 1 >= 3);

        var check = string.Join(' ', silo.Texts("healthcheck", "test"));
        Assert.Contains($"http://127.0.0.1:{http.Port}/healthz", check);
        Assert.Equal("service_healthy", silo.Text("depends_on", "postgres", "condition"));
        Assert.Empty(Service("postgres").Texts("ports"));
    }

    [Fact]
    public void Silos_and_the_cli_share_one_data_volume_at_the_same_path()
    {
        foreach (var service in new[] { "silo", "scale" })
        {
            Assert.Contains("data:/data", Service(service).Texts("volumes"));
        }

        Assert.True(Compose.Entries("volumes").ContainsKey("data"));
        Assert.True(Compose.Entries("volumes").ContainsKey("postgres"));
    }

    [Fact]
    public void The_cli_service_runs_scale_with_a_command_it_accepts_and_the_database_password()
    {
        var cli = Service("scale");

        Assert.Equal(["scale"], cli.Texts("entrypoint"));
        DeployFiles.ParseScale(cli.Texts("command"), ComposePath + " scale");
        Assert.Equal(Service("postgres").Text("environment", "POSTGRES_PASSWORD"), cli.Text("environment", "PGPASSWORD"));
        Assert.Equal("service_healthy", cli.Text("depends_on", "silo", "condition"));
    }

    [Fact]
    public void Silos_keep_jobs_on_the_data_volume_and_take_their_http_token_from_the_environment_file()
    {
        var silo = Service("silo");
        var settings = DeployFiles.ReadSilo(silo.Texts("command"), ComposePath + " silo");

        var mount = Assert.Single(silo.Texts("volumes"), v => v.StartsWith("data:", StringComparison.Ordinal))["data:".Length..];
        Assert.Equal([mount], settings.DataRoots);
        var variable = Scalability.Silo.Http.HttpAccess.TokenVariable;
        Assert.Matches($@"^\$\{{{variable}:\?[^}}]*\}}$", silo.Text("environment", variable));
    }

    [Fact]
    public void The_documented_run_command_parses_with_the_cluster_the_silos_use()
    {
        // The header and the operations guide submit jobs with this line; its --cluster must be the silos' database.
        var silo = Service("silo").Texts("command");
        var clustering = silo[silo.ToList().IndexOf("--clustering") + 1];
        string[] run = ["run", "/data/tickets.csv", "--out", "/data/results.csv", "--cluster", clustering];

        DeployFiles.ParseScale(run, ComposePath + " run");
        Assert.Contains($"--cluster \"{clustering}\"", File.ReadAllText(DeployFiles.Path(ComposePath)));
    }

    [Fact]
    public void The_silos_build_the_image_from_the_repository_dockerfile()
    {
        var build = Service("silo").Get("build");
        var context = Path.GetFullPath(Path.Combine(DeployFiles.Path("deploy"), build.Text("context")));

        Assert.Equal(Path.GetFullPath(DeployFiles.Path(".")).TrimEnd('/'), context.TrimEnd('/'));
        Assert.True(File.Exists(Path.Combine(context, build.Text("dockerfile"))));
        Assert.Equal(Service("silo").Text("image"), Service("scale").Text("image"));
    }

    [GeneratedRegex(@"^\$\{POSTGRES_PASSWORD(:\?[^}]*)?\}$")]
    private static partial Regex PasswordVariable();

    [GeneratedRegex(@"^127\.0\.0\.1:(?<first>\d+)-(?<last>\d+):(?<container>\d+)$")]
    private static partial Regex PublishedRange();
}
