using System.IO;
using System.Linq;
using System.Text.Json;
using Hardening.Build.EndToEndTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Hardening.Build.EndToEndTests.Scenarios
{
    /// <summary>Severities, suppressions, the baseline and the SARIF log, through real builds.</summary>
    public sealed class ConfigurationTests
    {
        private readonly ITestOutputHelper _output;

        public ConfigurationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void EditorConfigError_FailsBuild()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            string compose = project.WriteFile("docker-compose.yml", Inputs.ComposeWithoutReadOnly);
            project.WriteFile("../.editorconfig", "root = true\n\n[docker-compose.yml]\ndotnet_diagnostic.HARD2001.severity = error\n");

            BuildOutput build = project.Build();

            Assert.False(build.Succeeded);
            BuildDiagnostic error = Assert.Single(build.Hardening, d => d.Severity == "error");
            Assert.Equal("HARD2001", error.Code);
            Assert.Equal(compose, error.File);
            Assert.Equal(2, error.Line);
            Assert.Equal(3, error.Column);
            project.Pass();
        }

        [Fact]
        public void RuleItemNone_Silences()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(items: "<HardeningRule Include=\"HARD1001\" Severity=\"none\" />");
            project.WriteFile("Dockerfile", Inputs.DockerfileUserRoot);
            project.WriteFile("../.editorconfig", "root = true\n\n[Dockerfile]\ndotnet_diagnostic.HARD1001.severity = error\n");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            Assert.Empty(build.Hardening);
            project.Pass();
        }

        [Fact]
        public void EditorConfigWarningNoWarn_Silences()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: "<NoWarn>$(NoWarn);HARD8001;HARD2001;HARD3001;HARD3002;HARD5001;HARD5002</NoWarn>");
            project.WriteFile("docker-compose.yml", Inputs.ComposeWithoutReadOnly);
            project.WriteFile("../.editorconfig", "root = true\n\n[*.yml]\ndotnet_diagnostic.HARD8001.severity = warning\n");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            Assert.DoesNotContain(build.Hardening, d => d.Severity == "warning");
            project.Pass();
        }

        [Fact]
        public void InlineAtServiceKey_Suppresses()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            project.WriteFile(
                "docker-compose.yml",
                "services:\n  # hardening-ignore HARD2001 HARD3001 -- writes its cache under /var\n  web:\n    image: nginx:1.27\n");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            Assert.DoesNotContain(build.Hardening, d => d.Code == "HARD2001" || d.Code == "HARD3001");
            BuildDiagnostic other = Assert.Single(build.Hardening, d => d.Code == "HARD3002");
            Assert.Equal(3, other.Line);
            Assert.Equal(3, other.Column);
            project.Pass();
        }

        [Fact]
        public void FileLevel_SuppressesAndCountsInSummary()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            project.WriteFile("Dockerfile", "# hardening-ignore-file HARD1001 -- a build tool image\n" + Inputs.DockerfileUserRoot);

            BuildOutput build = project.Build("-v:n");

            Assert.True(build.Succeeded);
            Assert.Empty(build.Hardening);
            Assert.Contains(
                "Hardening.Build: checked 1 Dockerfile(s) and 0 Compose file(s) with 0 service(s): 0 error(s), 0 warning(s), 0 suggestion(s), 1 suppressed in source, 0 baselined.",
                build.Command.Output);
            project.Pass();
        }

        [Fact]
        public void Unused_ShownAsMessage()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            string dockerfile = project.WriteFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n  # hardening-ignore HARD1001\nUSER $APP_UID\n");

            BuildOutput build = project.Build("-v:n");

            Assert.True(build.Succeeded);
            BuildDiagnostic unused = Assert.Single(build.Hardening);
            Assert.Equal("message", unused.Severity);
            Assert.Equal("HARD0008", unused.Code);
            Assert.Equal(dockerfile, unused.File);
            Assert.Equal(2, unused.Line);
            Assert.Equal(3, unused.Column);
            project.Pass();
        }

        [Fact]
        public void Baseline_SurvivesInsertedLines()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            project.WriteFile("docker-compose.yml", Inputs.ComposeWithoutReadOnly);

            BuildOutput update = project.Build("-p:HardeningUpdateBaseline=true");
            string baseline = File.ReadAllText(project.PathOf("hardening-baseline.json"));
            string compose = project.WriteFile("docker-compose.yml", "# Local stack\n\n" + Inputs.ComposeWithoutReadOnly + "  db:\n    image: postgres:17\n");
            BuildOutput later = project.Build("-v:n");

            Assert.True(update.Succeeded);
            Assert.DoesNotContain(update.Hardening, d => d.Severity != "message");
            Assert.Contains("\"file\": \"docker-compose.yml\"", baseline);
            Assert.DoesNotContain("\"line\"", baseline);
            Assert.True(later.Succeeded);
            Assert.All(later.Hardening, d => Assert.Contains("'db'", d.Message));
            BuildDiagnostic db = Assert.Single(later.Hardening, d => d.Code == "HARD2001");
            Assert.Equal(compose, db.File);
            Assert.Equal(6, db.Line);
            Assert.Equal(3, db.Column);
            Assert.Matches(@"Hardening\.Build: checked .*, 0 suppressed in source, [1-9]\d* baselined\.", later.Command.Output);
            project.Pass();
        }

        [Fact]
        public void Sarif_WrittenToObj()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject();
            project.WriteFile("Dockerfile", "# hardening-ignore HARD1001 -- checked by hand\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\n");
            project.WriteFile("docker-compose.yml", Inputs.ComposeWithoutReadOnly);

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            string path = project.PathOf(Path.Combine("obj", "Debug", PackageFeed.Instance.TargetFramework, "hardening.sarif"));
            using JsonDocument sarif = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement run = sarif.RootElement.GetProperty("runs")[0];
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            Assert.Equal(
                new System.Uri(project.ProjectDirectory + Path.DirectorySeparatorChar).AbsoluteUri,
                run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
            JsonElement[] results = run.GetProperty("results").EnumerateArray().ToArray();
            JsonElement suppressed = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "HARD1001");
            Assert.Equal("inSource", suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString());
            Assert.Equal("checked by hand", suppressed.GetProperty("suppressions")[0].GetProperty("justification").GetString());
            JsonElement hard2001 = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "HARD2001");
            JsonElement location = hard2001.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("docker-compose.yml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(2, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(3, location.GetProperty("region").GetProperty("startColumn").GetInt32());
            project.Pass();
        }
    }
}
