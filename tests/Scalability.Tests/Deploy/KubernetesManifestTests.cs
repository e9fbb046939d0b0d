using System.Text.RegularExpressions;
using Npgsql;
using Scalability.Cli.Commands;
using Scalability.Silo;
using Scalability.Silo.Storage;
using YamlDotNet.RepresentationModel;

namespace Scalability.Tests.Deploy;

/// <summary>
/// deploy/kubernetes, read as kubectl would read it (no cluster here): the silos' arguments, once Kubernetes has
/// put the ConfigMap's values in, are a command line the real <c>scale silo</c> accepts; probes, Services and the
/// disruption budget point at the ports and pods that command line makes; the password comes from the Secret.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private const string Folder = "deploy/kubernetes";

    /// <summary>Variables the silo container reads itself rather than through its arguments.</summary>
    private static readonly string[] ReadDirectly = [AdvertisedAddress.Variable, "PGPASSWORD", Scalability.Silo.Http.HttpAccess.TokenVariable];

    private static readonly IReadOnlyList<(string File, YamlMappingNode Manifest)> Manifests =
        Directory.GetFiles(DeployFiles.Path(Folder), "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(DeployFiles.Path("."), path))
            .Where(file => Path.GetFileName(file) != "kustomization.yaml")
            .SelectMany(file => DeployFiles.LoadYaml(file).Select(manifest => (file, manifest)))
            .ToArray();

    private static YamlMappingNode Manifest(string kind, string name) =>
        Assert.Single(Manifests, m => m.Manifest.Text("kind") == kind && m.Manifest.Text("metadata", "name") == name).Manifest;

    private static YamlMappingNode Silos => Manifest("Deployment", "scalability-silo");

    private static YamlNode SiloContainer => Assert.Single(Silos.Items("spec", "template", "spec", "containers"));

    [Fact]
    public void Every_manifest_parses_names_its_kind_and_lives_in_the_namespace()
    {
        Assert.Equal(
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Namespace", "PersistentVolumeClaim", "PodDisruptionBudget", "Secret", "Secret", "Service", "Service", "StatefulSet"],
            Manifests.Select(m => m.Manifest.Text("kind")).Order());
        foreach (var (file, manifest) in Manifests.Where(m => m.Manifest.Text("kind") != "Namespace"))
        {
            Assert.True(manifest.TextOrNull("metadata", "namespace") == "scalability", $"{file}: {manifest.Text("kind")} is not in the scalability namespace");
        }
    }

    [Fact]
    public void The_kustomization_lists_every_manifest_but_the_optional_autoscaler_and_names_the_silo_image()
    {
        var kustomization = Assert.Single(DeployFiles.LoadYaml($"{Folder}/kustomization.yaml"));
        var listed = kustomization.Texts("resources").Select(r => $"{Folder}/{r}").ToHashSet();

        var files = Manifests.Select(m => m.File.Replace('\\', '/')).Where(f => !f.StartsWith($"{Folder}/scaling/", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(files.Order(), listed.Order());
        Assert.Equal("scalability", kustomization.Text("namespace"));
        var image = Assert.Single(kustomization.Items("images"));
        Assert.Equal(SiloContainer.Text("image"), image.Text("name"));
    }

    [Fact]
    public void The_silo_arguments_with_the_configmap_values_are_a_silo_scale_accepts_on_the_manifests_postgres()
    {
        var settings = DeployFiles.ReadSilo(SiloArguments(), $"{Folder}/silo.yaml");

        var clustering = Assert.IsType<PostgresDatabase>(settings.Clustering);
        Assert.Equal(clustering, settings.Storage);
        var connection = new NpgsqlConnectionStringBuilder(clustering.ConnectionString);
        Assert.Null(connection.Password);
        Assert.Equal(Manifest("Service", "scalability-postgres").Text("metadata", "name"), connection.Host);
        var postgres = Assert.Single(Manifest("StatefulSet", "scalability-postgres").Items("spec", "template", "spec", "containers"));
        Assert.Equal(Literal(postgres, "POSTGRES_USER"), connection.Username);
        Assert.Equal(Literal(postgres, "POSTGRES_DB"), connection.Database);
        Assert.Equal(5432, connection.Port);
        Assert.Equal("scalability", settings.ClusterId);
    }

    [Fact]
    public void Container_ports_probes_and_the_service_match_the_silo_arguments()
    {
        var settings = DeployFiles.ReadSilo(SiloArguments(), $"{Folder}/silo.yaml");
        var ports = SiloContainer.Items("ports").ToDictionary(p => p.Text("name"), p => int.Parse(p.Text("containerPort")));

        Assert.Equal(settings.SiloPort, ports["silo"]);
        Assert.Equal(settings.GatewayPort, ports["gateway"]);
        Assert.Equal(settings.Http!.Port, ports["http"]);
        Assert.Equal("0.0.0.0", settings.Http.Host);

        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("/healthz", SiloContainer.Text(probe, "httpGet", "path"));
            Assert.Equal("http", SiloContainer.Text(probe, "httpGet", "port"));
        }

        var service = Manifest("Service", "scalability");
        var servicePorts = service.Items("spec", "ports").ToDictionary(p => p.Text("name"));
        Assert.Equal(["gateway", "http"], servicePorts.Keys.Order());
        foreach (var (name, port) in servicePorts)
        {
            Assert.Equal(name, port.Text("targetPort"));
            Assert.Equal(ports[name], int.Parse(port.Text("port")));
        }

        var annotations = Silos.Entries("spec", "template", "metadata", "annotations");
        Assert.Equal(settings.Http.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ((YamlScalarNode)annotations["prometheus.io/port"]).Value);
    }

    [Fact]
    public void Services_the_disruption_budget_and_the_autoscaler_select_the_silo_pods()
    {
        var podLabels = Silos.Entries("spec", "template", "metadata", "labels").ToDictionary(p => p.Key, p => ((YamlScalarNode)p.Value).Value);

        AssertSelects(Manifest("Service", "scalability").Entries("spec", "selector"));
        AssertSelects(Manifest("PodDisruptionBudget", "scalability-silo").Entries("spec", "selector", "matchLabels"));
        AssertSelects(Silos.Entries("spec", "selector", "matchLabels"));
        Assert.Equal("1", Manifest("PodDisruptionBudget", "scalability-silo").Text("spec", "maxUnavailable"));

        var autoscaler = Manifest("HorizontalPodAutoscaler", "scalability-silo");
        Assert.Equal("Deployment", autoscaler.Text("spec", "scaleTargetRef", "kind"));
        Assert.Equal(Silos.Text("metadata", "name"), autoscaler.Text("spec", "scaleTargetRef", "name"));
        Assert.True(int.Parse(autoscaler.Text("spec", "minReplicas")) >= int.Parse(Silos.Text("spec", "replicas")));

        void AssertSelects(IReadOnlyDictionary<string, YamlNode> selector)
        {
            Assert.NotEmpty(selector);
            foreach (var (key, value) in selector)
            {
                Assert.True(podLabels.TryGetValue(key, out var label) && label == ((YamlScalarNode)value).Value, $"selector {key}={value} does not match the silo pods");
            }
        }
    }

    [Fact]
    public void The_password_comes_from_the_secret_and_no_environment_value_holds_one()
    {
        var secret = Manifest("Secret", "scalability-db");
        var keys = secret.Entries("stringData").Keys.Concat(secret.Entries("data").Keys).ToHashSet();
        var postgres = Assert.Single(Manifest("StatefulSet", "scalability-postgres").Items("spec", "template", "spec", "containers"));

        foreach (var (container, variable) in new[] { (SiloContainer, "PGPASSWORD"), (postgres, "POSTGRES_PASSWORD") })
        {
            var reference = Variable(container, variable).Get("valueFrom", "secretKeyRef");
            Assert.Equal(secret.Text("metadata", "name"), reference.Text("name"));
            Assert.Contains(reference.Text("key"), keys);
        }

        foreach (var container in new[] { SiloContainer, postgres })
        {
            foreach (var variable in container.Items("env").Where(v => v.Find("value") is not null))
            {
                Assert.DoesNotContain("password", variable.Text("name"), StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("password=", variable.Text("value"), StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.DoesNotContain(Manifest("ConfigMap", "scalability-settings").Entries("data").Values,
            value => ((YamlScalarNode)value).Value!.Contains("password", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_http_token_comes_from_its_secret_and_jobs_keep_to_the_data_volume()
    {
        var secret = Manifest("Secret", "scalability-http");
        var reference = Variable(SiloContainer, Scalability.Silo.Http.HttpAccess.TokenVariable).Get("valueFrom", "secretKeyRef");
        Assert.Equal(secret.Text("metadata", "name"), reference.Text("name"));
        var token = secret.Text("stringData", reference.Text("key"));
        Assert.True(token.Length >= Scalability.Silo.Http.HttpAccess.MinimumTokenLength, "the template token is shorter than a silo accepts");

        var settings = DeployFiles.ReadSilo(SiloArguments(), $"{Folder}/silo.yaml");
        Assert.Equal([Assert.Single(SiloContainer.Items("volumeMounts")).Text("mountPath")], settings.DataRoots);
        // With the token the probes' /healthz stays open and everything else asks for it.
        Assert.Null(Scalability.Silo.Http.HttpAccess.Refusal(settings.Http, new Scalability.Silo.Security.SecretText(token)));
    }

    [Fact]
    public void Every_silo_variable_is_read_and_every_setting_reaches_the_silo()
    {
        var configMap = Manifest("ConfigMap", "scalability-settings");
        var settings = configMap.Entries("data").Keys.ToHashSet();
        var variables = SiloContainer.Items("env").Select(v => v.Text("name")).ToArray();
        var arguments = string.Join(' ', SiloContainer.Texts("args"));

        foreach (Match reference in VariableReference().Matches(arguments))
        {
            Assert.Contains(reference.Groups["name"].Value, variables);
        }

        foreach (var variable in SiloContainer.Items("env"))
        {
            var name = variable.Text("name");
            Assert.True(ReadDirectly.Contains(name) || arguments.Contains($"$({name})", StringComparison.Ordinal),
                $"{name} is set on the silo container but neither the silo nor its arguments read it");
            if (variable.Find("valueFrom", "configMapKeyRef") is { } fromSettings)
            {
                Assert.Equal(configMap.Text("metadata", "name"), fromSettings.Text("name"));
                Assert.Contains(fromSettings.Text("key"), settings);
            }
        }

        foreach (var key in settings)
        {
            Assert.Contains(SiloContainer.Items("env"), v => v.TextOrNull("valueFrom", "configMapKeyRef", "key") == key);
        }
    }

    [Fact]
    public void Each_pod_advertises_its_own_ip_from_the_downward_api()
    {
        Assert.Equal("status.podIP", Variable(SiloContainer, AdvertisedAddress.Variable).Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.DoesNotContain("--address", SiloContainer.Texts("args"));
    }

    [Fact]
    public void Silos_share_a_read_write_many_volume_at_data_and_run_as_the_image_user()
    {
        var claim = Manifest("PersistentVolumeClaim", "scalability-data");
        Assert.Equal(["ReadWriteMany"], claim.Texts("spec", "accessModes"));

        var volume = Assert.Single(Silos.Items("spec", "template", "spec", "volumes"));
        Assert.Equal(claim.Text("metadata", "name"), volume.Text("persistentVolumeClaim", "claimName"));
        var mount = Assert.Single(SiloContainer.Items("volumeMounts"));
        Assert.Equal(volume.Text("name"), mount.Text("name"));
        Assert.Equal("/data", mount.Text("mountPath"));

        var security = Silos.Get("spec", "template", "spec", "securityContext");
        Assert.Equal("true", security.Text("runAsNonRoot"));
        Assert.Equal(security.Text("runAsUser"), security.Text("fsGroup"));
        // The silo's own graceful stop allows 30 s; Kubernetes must wait at least that long before killing it.
        Assert.True(int.Parse(Silos.Text("spec", "template", "spec", "terminationGracePeriodSeconds")) > 30);
        Assert.Equal("0", Silos.Text("spec", "strategy", "rollingUpdate", "maxUnavailable"));
    }

    /// <summary>The silo container's arguments as Kubernetes passes them: each <c>$(NAME)</c> replaced by its ConfigMap value.</summary>
    private static IReadOnlyList<string> SiloArguments()
    {
        var configMap = Manifest("ConfigMap", "scalability-settings").Entries("data");
        return SiloContainer.Texts("args")
            .Select(argument => VariableReference().Replace(argument, reference =>
            {
                var key = Variable(SiloContainer, reference.Groups["name"].Value).Text("valueFrom", "configMapKeyRef", "key");
                return ((YamlScalarNode)configMap[key]).Value!;
            }))
            .ToArray();
    }

    private static YamlNode Variable(YamlNode container, string name) =>
        container.Items("env").SingleOrDefault(v => v.Text("name") == name)
        ?? throw new Xunit.Sdk.XunitException($"the container sets no {name}");

    private static string Literal(YamlNode container, string name) => Variable(container, name).Text("value");

    [GeneratedRegex(@"\$\((?<name>[A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();
}
