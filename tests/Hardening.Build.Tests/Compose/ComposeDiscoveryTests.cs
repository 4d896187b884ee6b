using Hardening.Build.Compose;
using Xunit;
using static Hardening.Build.Tests.Compose.EngineHarness;

namespace Hardening.Build.Tests.Compose
{
    public class ComposeDiscoveryTests
    {
        private const string BaseService = $$"""
            services:
              web:
                image: nginx:1.27.0-alpine
            {{Hardened}}
            """;

        private const string WritableOverride = """
            services:
              web:
                read_only: false
            """;

        [Theory]
        [InlineData("compose.yaml", "compose.override.yaml")]
        [InlineData("compose.yml", "compose.override.yml")]
        [InlineData("docker-compose.yml", "docker-compose.override.yml")]
        [InlineData("docker-compose.yaml", "docker-compose.override.yaml")]
        [InlineData("compose.yaml", "docker-compose.override.yml")]
        public void BaseAndOverride_OneProject(string baseName, string overrideName)
        {
            var harness = new EngineHarness()
                .Compose("/repo/app/" + baseName, BaseService)
                .Compose("/repo/app/" + overrideName, WritableOverride);

            CheckResult result = harness.AssertFindings($"HARD2001@/repo/app/{overrideName}:3:16");

            Assert.Equal(2, result.ComposeFileCount);
            Assert.Equal(1, result.ServiceCount);
        }

        [Fact]
        public void OverrideAlone_OwnProject()
        {
            // Without a base file in its folder the override is loaded by itself, so its service has only read_only.
            var harness = new EngineHarness()
                .Compose("/repo/app/compose.override.yaml", WritableOverride);

            harness.AssertFindings(
                "HARD3001@/repo/app/compose.override.yaml:2:3",
                "HARD3002@/repo/app/compose.override.yaml:2:3",
                "HARD5001@/repo/app/compose.override.yaml:2:3",
                "HARD5002@/repo/app/compose.override.yaml:2:3",
                "HARD5003@/repo/app/compose.override.yaml:2:3",
                "HARD8001@/repo/app/compose.override.yaml:2:3",
                "HARD2001@/repo/app/compose.override.yaml:3:16");
        }

        [Fact]
        public void ComposeYamlAndDockerCompose_BothChecked()
        {
            // compose.yaml is the base; docker-compose.yml is not an override, so it is its own project.
            string writable = BaseService.Replace("read_only: true", "read_only: false");
            var harness = new EngineHarness()
                .Compose("/repo/app/docker-compose.yml", writable)
                .Compose("/repo/app/compose.yaml", writable);

            CheckResult result = harness.AssertFindings(
                "HARD2001@/repo/app/compose.yaml:5:16",
                "HARD2001@/repo/app/docker-compose.yml:5:16");

            Assert.Equal(2, result.ComposeFileCount);
            Assert.Equal(2, result.ServiceCount);
        }

        [Fact]
        public void ProdFile_StandsAlone()
        {
            // docker-compose.prod.yml is no default name, so without a declared project it is loaded alone.
            var harness = new EngineHarness()
                .Compose("/repo/app/docker-compose.yml", BaseService)
                .Compose("/repo/app/docker-compose.prod.yml", WritableOverride);

            CheckResult result = harness.AssertFindings(
                "HARD3001@/repo/app/docker-compose.prod.yml:2:3",
                "HARD3002@/repo/app/docker-compose.prod.yml:2:3",
                "HARD5001@/repo/app/docker-compose.prod.yml:2:3",
                "HARD5002@/repo/app/docker-compose.prod.yml:2:3",
                "HARD5003@/repo/app/docker-compose.prod.yml:2:3",
                "HARD8001@/repo/app/docker-compose.prod.yml:2:3",
                "HARD2001@/repo/app/docker-compose.prod.yml:3:16");

            Assert.Equal(2, result.ServiceCount);
        }

        [Fact]
        public void DeclaredProject_ProdFileMerged()
        {
            var harness = new EngineHarness()
                .Compose("/repo/app/docker-compose.yml", BaseService)
                .Compose("/repo/app/docker-compose.prod.yml", WritableOverride);
            harness.Projects.Add(new ComposeProjectSpec(
                "prod",
                new[] { "/repo/app/docker-compose.yml", "/repo/app/docker-compose.prod.yml" },
                "/repo/app"));

            CheckResult result = harness.AssertFindings("HARD2001@/repo/app/docker-compose.prod.yml:3:16");

            Assert.Equal(2, result.ComposeFileCount);
        }

        [Fact]
        public void DeclaredProject_FilesNeedNotBeInputs()
        {
            var harness = new EngineHarness()
                .File("/repo/app/docker-compose.yml", BaseService)
                .File("/repo/app/docker-compose.prod.yml", WritableOverride);
            harness.Projects.Add(new ComposeProjectSpec(
                "prod",
                new[] { "/repo/app/docker-compose.yml", "/repo/app/docker-compose.prod.yml" },
                "/repo/app"));

            harness.AssertFindings("HARD2001@/repo/app/docker-compose.prod.yml:3:16");
        }

        [Fact]
        public void NeverPickedUp_EveryFileChecked()
        {
            // Each file contains the hardened service with read_only turned off on its last line.
            string file = $$"""
                services:
                  app:
                    image: registry.example.com/app:1.4.2
                {{Hardened.Replace("    read_only: true\n", string.Empty)}}
                    read_only: false
                """;
            var harness = new EngineHarness()
                .Compose("/repo/app/compose.yaml", file)
                .Compose("/repo/app/compose.override.yaml", file)
                .Compose("/repo/app/docker-compose.yml", file)
                .Compose("/repo/app/docker-compose.prod.yml", file)
                .Compose("/repo/app/deploy/stack.compose.yaml", file);

            // compose.yaml and its override run merged, so the override's value is the one that applies.
            CheckResult result = harness.AssertFindings(
                "HARD2001@/repo/app/compose.override.yaml:13:16",
                "HARD2001@/repo/app/deploy/stack.compose.yaml:13:16",
                "HARD2001@/repo/app/docker-compose.prod.yml:13:16",
                "HARD2001@/repo/app/docker-compose.yml:13:16");

            Assert.Equal(5, result.ComposeFileCount);
            Assert.Equal(4, result.ServiceCount);
        }
    }
}
