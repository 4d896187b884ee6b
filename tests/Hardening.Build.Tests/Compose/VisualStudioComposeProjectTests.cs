using Xunit;
using static Hardening.Build.Tests.Compose.EngineHarness;

namespace Hardening.Build.Tests.Compose
{
    public class VisualStudioComposeProjectTests
    {
        private const string Dcproj = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="15.0" Sdk="Microsoft.Docker.Sdk">
              <PropertyGroup Label="Globals">
                <ProjectVersion>2.1</ProjectVersion>
                <DockerTargetOS>Linux</DockerTargetOS>
                <AdditionalComposeFilePaths>docker-compose.ci.yml</AdditionalComposeFilePaths>
                <DockerComposeEnvFilePath>config\vs.env</DockerComposeEnvFilePath>
              </PropertyGroup>
              <ItemGroup>
                <None Include="docker-compose.override.yml">
                  <DependentUpon>docker-compose.yml</DependentUpon>
                </None>
                <None Include="docker-compose.yml" />
              </ItemGroup>
            </Project>
            """;

        private const string BaseFile = $$"""
            services:
              webapp:
                image: ${DOCKER_REGISTRY-}webapp
                build:
                  context: .
                  dockerfile: WebApp\Dockerfile
            {{HardenedBuild}}
            """;

        private const string OverrideFile = """
            services:
              webapp:
                environment:
                  - ASPNETCORE_HTTP_PORTS=8080
            """;

        private const string CiFile = """
            services:
              webapp:
                read_only: ${RO}
            """;

        private static EngineHarness Layout(bool composeFilesAreInputs)
        {
            var harness = new EngineHarness()
                .File("/repo/docker-compose.dcproj", Dcproj)
                .File("/repo/config/vs.env", "RO=false\n")
                .File("/repo/.env", "RO=true\n")
                .File("/repo/WebApp/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n");
            harness.DockerComposeProjectPath = "/repo/docker-compose.dcproj";
            if (composeFilesAreInputs)
            {
                harness.Compose("/repo/docker-compose.yml", BaseFile)
                    .Compose("/repo/docker-compose.override.yml", OverrideFile)
                    .Compose("/repo/docker-compose.ci.yml", CiFile);
            }
            else
            {
                harness.File("/repo/docker-compose.yml", BaseFile)
                    .File("/repo/docker-compose.override.yml", OverrideFile)
                    .File("/repo/docker-compose.ci.yml", CiFile);
            }

            return harness;
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void AdditionalFilesAndEnvFile_Used(bool composeFilesAreInputs)
        {
            // vs.env replaces .env, so RO is false; the three files form one project, none alone.
            CheckResult result = Layout(composeFilesAreInputs).AssertFindings("HARD2001@/repo/docker-compose.ci.yml:3:16");

            Assert.Equal(3, result.ComposeFileCount);
            Assert.Equal(1, result.ServiceCount);
        }

        [Fact]
        public void InvalidProjectFile_Reported()
        {
            var harness = new EngineHarness()
                .File("/repo/docker-compose.dcproj", "<Project>\n  <PropertyGroup>\n</Project>\n");
            harness.DockerComposeProjectPath = "/repo/docker-compose.dcproj";

            harness.AssertFindings("HARD0006@/repo/docker-compose.dcproj:3:3");
        }
    }
}
