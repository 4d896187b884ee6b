using Xunit;
using static Hardening.Build.Tests.Compose.EngineHarness;

namespace Hardening.Build.Tests.Compose
{
    public class ProjectDirectoryOwnershipTests
    {
        private const string SharedCompose = $$"""
            services:
              webapp:
                build:
                  context: .
                  dockerfile: WebApp/Dockerfile
            {{HardenedBuild}}
              api:
                build: ./Api
            {{HardenedBuild}}
              redis:
                image: redis:7.2
                privileged: 0
            {{HardenedBuild}}
            """;

        private const string DockerComposeProject =
            "<Project Sdk=\"Microsoft.Docker.Sdk\">\n  <PropertyGroup>\n    <DockerServiceName>webapp</DockerServiceName>\n  </PropertyGroup>\n</Project>\n";

        // Every service project of a Visual Studio solution points at the same docker-compose.dcproj.
        private static EngineHarness Solution(string projectDirectory) =>
            new EngineHarness
            {
                ProjectDirectory = projectDirectory,
                DockerComposeProjectPath = "/repo/docker-compose.dcproj",
            }
                .Compose("/repo/docker-compose.yml", SharedCompose)
                .File("/repo/docker-compose.dcproj", DockerComposeProject)
                .File("/repo/WebApp/Dockerfile", "FROM alpine:3.20\n")
                .File("/repo/Api/Dockerfile", "# api\nFROM alpine:3.20\n");

        [Fact]
        public void FirstBuiltProject_OwnsImageServices()
        {
            // WebApp builds the first built service, so it also reports redis and the load diagnostics.
            CheckResult result = Solution("/repo/WebApp").AssertFindings(
                "HARD1001@/repo/WebApp/Dockerfile:1:1",
                "HARD1003@/repo/docker-compose.yml:26:3",
                "HARD0004@/repo/docker-compose.yml:28:17");

            Assert.Equal(2, result.ServiceCount);
        }

        [Fact]
        public void OtherProject_OnlyItsBuiltService()
        {
            CheckResult result = Solution("/repo/Api").AssertFindings("HARD1001@/repo/Api/Dockerfile:2:1");

            Assert.Equal(1, result.ServiceCount);
        }

        [Fact]
        public void SharedDockerfileError_OnlyItsProject()
        {
            // A parse error in Api's Dockerfile belongs to the Api project, even though the WebApp project
            // reads that Dockerfile to link the api service.
            EngineHarness Broken(string projectDirectory) =>
                Solution(projectDirectory).File("/repo/Api/Dockerfile", "FROM alpine:3.20\nBOGUS thing\n");

            CheckResult webApp = Broken("/repo/WebApp").Check();
            CheckResult api = Broken("/repo/Api").Check();

            Assert.DoesNotContain(webApp.Findings, f => f.Location.FilePath == "/repo/Api/Dockerfile");
            Assert.Contains(api.Findings, f => f.Code == "HARD0001" && f.Location.FilePath == "/repo/Api/Dockerfile" && f.Location.Line == 2 && f.Location.Column == 1);
        }

        [Fact]
        public void NonOwningProject_ReadsOnlyItsDockerfiles()
        {
            // WebApp builds the first service, so it owns the shared services and reads every Dockerfile.
            // Api does not, so it needs to read WebApp's Dockerfile only to learn that, and no other.
            EngineHarness webApp = Solution("/repo/WebApp").File("/repo/Other/Dockerfile", "FROM alpine:3.20\n");
            EngineHarness api = Solution("/repo/Api").File("/repo/Other/Dockerfile", "FROM alpine:3.20\n");
            const string withOther = "services:\n  webapp:\n    build:\n      context: .\n      dockerfile: WebApp/Dockerfile\n  api:\n    build: ./Api\n  other:\n    build: ./Other\n";
            webApp.Compose("/repo/docker-compose.yml", withOther);
            api.Compose("/repo/docker-compose.yml", withOther);

            webApp.Check();
            CheckResult result = api.Check();

            Assert.Contains("/repo/Other/Dockerfile", webApp.Files.Reads);
            Assert.Contains("/repo/WebApp/Dockerfile", api.Files.Reads);
            Assert.Contains("/repo/Api/Dockerfile", api.Files.Reads);
            Assert.DoesNotContain("/repo/Other/Dockerfile", api.Files.Reads);
            Assert.Equal(1, result.ServiceCount);
        }

        [Fact]
        public void UnrelatedProject_Nothing()
        {
            CheckResult result = Solution("/repo/Tools").AssertFindings();

            Assert.Equal(0, result.ServiceCount);
        }

        [Fact]
        public void InlineDockerfile_OwnedByContextProject()
        {
            const string compose =
                "services:\n" +
                "  tool:\n" +
                "    build:\n" +
                "      context: ./Tools\n" +
                "      dockerfile_inline: |\n" +
                "        FROM alpine:3.20\n" +
                "        CMD [\"true\"]\n";
            var harness = new EngineHarness
            {
                ProjectDirectory = "/repo/Tools",
                DockerComposeProjectPath = "/repo/docker-compose.dcproj",
            }
                .Compose("/repo/docker-compose.yml", compose)
                .File("/repo/docker-compose.dcproj", DockerComposeProject);

            CheckResult result = harness.Check();

            Assert.Contains(result.Findings, f => f.Code == "HARD1001" && f.Location.FilePath == "/repo/docker-compose.yml" && f.Location.Line == 6 && f.Location.Column == 9);
            Assert.Equal(1, result.ServiceCount);
        }

        [Fact]
        public void ListedWithoutDcproj_AllServicesChecked()
        {
            // A Compose file listed as an item, not reached through a dcproj, is the project's own.
            CheckResult result = new EngineHarness { ProjectDirectory = "/repo/Tools" }
                .Compose("/repo/docker-compose.yml", SharedCompose)
                .File("/repo/WebApp/Dockerfile", "FROM alpine:3.20\n")
                .File("/repo/Api/Dockerfile", "# api\nFROM alpine:3.20\n")
                .AssertFindings(
                    "HARD1001@/repo/Api/Dockerfile:2:1",
                    "HARD1001@/repo/WebApp/Dockerfile:1:1",
                    "HARD1003@/repo/docker-compose.yml:26:3",
                    "HARD0004@/repo/docker-compose.yml:28:17");

            Assert.Equal(3, result.ServiceCount);
        }

        [Fact]
        public void ComposeInsideProject_AllOwned()
        {
            CheckResult result = Solution("/repo").AssertFindings(
                "HARD1001@/repo/Api/Dockerfile:2:1",
                "HARD1001@/repo/WebApp/Dockerfile:1:1",
                "HARD1003@/repo/docker-compose.yml:26:3",
                "HARD0004@/repo/docker-compose.yml:28:17");

            Assert.Equal(3, result.ServiceCount);
        }
    }
}
