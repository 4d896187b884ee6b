using System.Linq;
using Hardening.Build.EndToEndTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Hardening.Build.EndToEndTests.Scenarios
{
    /// <summary>
    /// The layout Visual Studio's container tools create: the app project with its Dockerfile, and a
    /// docker-compose.dcproj beside the solution with docker-compose.yml and docker-compose.override.yml.
    /// </summary>
    public sealed class VisualStudioLayoutTests
    {
        private const string Dockerfile =
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n" +
            "USER $APP_UID\n" +
            "WORKDIR /app\n" +
            "EXPOSE 8080\n" +
            "\n" +
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" +
            "ARG BUILD_CONFIGURATION=Release\n" +
            "WORKDIR /src\n" +
            "COPY . .\n" +
            "RUN dotnet publish -c $BUILD_CONFIGURATION -o /app/publish\n" +
            "\n" +
            "FROM base AS final\n" +
            "WORKDIR /app\n" +
            "COPY --from=build /app/publish .\n" +
            "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        private const string BaseCompose =
            "services:\n" +
            "  app:\n" +
            "    image: ${DOCKER_REGISTRY-}app\n" +
            "    build:\n" +
            "      context: .\n" +
            "      dockerfile: app\\Dockerfile\n" +
            "    cap_drop: [ALL]\n" +
            "    security_opt: [\"no-new-privileges:true\"]\n" +
            "    tmpfs: [/tmp]\n" +
            "    mem_limit: 256m\n" +
            "    cpus: 0.5\n" +
            "    restart: unless-stopped\n";

        private const string OverrideCompose =
            "services:\n" +
            "  app:\n" +
            "    user: root\n" +
            "    read_only: true\n" +
            "    environment:\n" +
            "      - ASPNETCORE_HTTP_PORTS=8080\n" +
            "    ports:\n" +
            "      - \"8080\"\n";

        private readonly ITestOutputHelper _output;

        public VisualStudioLayoutTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void OverrideUserRoot_ReportedInOverrideFile()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: @"<DockerComposeProjectPath>..\docker-compose.dcproj</DockerComposeProjectPath>");
            project.WriteFile("Dockerfile", Dockerfile);
            project.WriteFile("../docker-compose.dcproj", Inputs.DockerComposeProject);
            project.WriteFile("../docker-compose.yml", BaseCompose);
            string overrideFile = project.WriteFile("../docker-compose.override.yml", OverrideCompose);

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            BuildDiagnostic root = Assert.Single(build.Hardening);
            Assert.Equal("HARD1002", root.Code);
            Assert.Equal(overrideFile, root.File);
            Assert.Equal(3, root.Line);
            Assert.Equal(11, root.Column);
            project.Pass();
        }

        [Fact]
        public void MissingSettings_ReportedAtBaseServiceKey()
        {
            using TestProject project = TestProject.Create(_output);
            project.WriteProject(properties: @"<DockerComposeProjectPath>..\docker-compose.dcproj</DockerComposeProjectPath>");
            project.WriteFile("Dockerfile", Dockerfile.Replace("USER $APP_UID\n", "\n"));
            project.WriteFile("../docker-compose.dcproj", Inputs.DockerComposeProject);
            string baseFile = project.WriteFile(
                "../docker-compose.yml",
                "services:\n  app:\n    build:\n      context: .\n      dockerfile: app/Dockerfile\n");
            project.WriteFile("../docker-compose.override.yml", "services:\n  app:\n    read_only: false\n");

            BuildOutput build = project.Build();

            Assert.True(build.Succeeded);
            string[] codes = build.Hardening.Select(d => $"{d.Code}@{System.IO.Path.GetFileName(d.File)}:{d.Line}:{d.Column}").ToArray();
            Assert.Contains("HARD1001@Dockerfile:12:1", codes);
            Assert.Contains("HARD2001@docker-compose.override.yml:3:16", codes);
            Assert.Contains("HARD3001@docker-compose.yml:2:3", codes);
            Assert.Contains("HARD5001@docker-compose.yml:2:3", codes);
            project.Pass();
        }
    }
}
