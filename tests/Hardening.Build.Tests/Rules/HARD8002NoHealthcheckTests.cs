using Hardening.Build.Rules.Restart;
using Hardening.Build.Tests.Compose;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD8002NoHealthcheckTests
    {
        private const string Compose = "/repo/app/compose.yaml";
        private const string Dockerfile = "/repo/app/Dockerfile";
        /// <summary>Settings that pass every other Compose rule, without a healthcheck.</summary>
        private const string Hardened =
            "    read_only: true\n" +
            "    tmpfs: [\"/tmp:size=64m\"]\n" +
            "    cap_drop: [ALL]\n" +
            "    security_opt: [no-new-privileges:true]\n" +
            "    mem_limit: 256m\n" +
            "    deploy: {resources: {limits: {cpus: \"0.5\", pids: 200}}}\n" +
            "    restart: unless-stopped";

        private static readonly HARD8002NoHealthcheck Rule = new HARD8002NoHealthcheck();

        [Theory]
        [InlineData("postgres:16")]
        [InlineData("docker.io/library/redis:7")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0")]
        [InlineData("gcr.io/distroless/static:nonroot")]
        public void KnownImageWithout_ReportedAtServiceKey(string image)
        {
            AssertFindings(Run(Rule, "services:\n  db:\n    image: " + image + "\n"), "HARD8002@2:3");
        }

        [Theory]
        [InlineData("registry.example.com/team/api:1.0")]
        [InlineData("grafana/grafana:11.0.0")]
        [InlineData("${IMAGE}")]
        public void UnknownImage_NoFinding(string image)
        {
            AssertFindings(Run(Rule, "services:\n  db:\n    image: " + image + "\n"));
        }

        [Theory]
        [InlineData("healthcheck:\n      test: [\"CMD\", \"pg_isready\"]")]
        [InlineData("healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready || exit 1\"]")]
        [InlineData("healthcheck:\n      test: pg_isready")]
        [InlineData("healthcheck: {test: [CMD, pg_isready], disable: false}")]
        public void ComposeHealthcheck_NoFinding(string healthcheck)
        {
            AssertFindings(Run(Rule, "services:\n  db:\n    image: postgres:16\n    " + healthcheck + "\n"));
        }

        [Theory]
        [InlineData("healthcheck:\n      disable: true", "5:16")]
        [InlineData("healthcheck:\n      disable: \"yes\"", "5:16")]
        [InlineData("healthcheck:\n      test: [\"NONE\"]", "5:14")]
        [InlineData("healthcheck:\n      test:\n        - NONE", "6:11")]
        public void Disabled_ReportedAtValue(string healthcheck, string at)
        {
            AssertFindings(Run(Rule, "services:\n  db:\n    image: postgres:16\n    " + healthcheck + "\n"), "HARD8002@" + at);
        }

        [Fact]
        public void TimingOnly_StillReported()
        {
            AssertFindings(Run(Rule, "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      interval: 10s\n"), "HARD8002@2:3");
        }

        [Fact]
        public void DockerfileHealthcheck_NoFinding()
        {
            new EngineHarness()
                .Compose(Compose, "services:\n  api:\n    build: .\n" + Hardened + "\n")
                .File(Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nHEALTHCHECK CMD [\"dotnet\", \"/app/api.dll\", \"--health\"]\nUSER $APP_UID\n")
                .AssertFindings();
        }

        [Fact]
        public void InheritedHealthcheck_NoFinding()
        {
            new EngineHarness()
                .Compose(Compose, "services:\n  api:\n    build: .\n" + Hardened + "\n")
                .File(Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\nFROM base\nUSER $APP_UID\n")
                .AssertFindings();
        }

        [Theory]
        [InlineData("HEALTHCHECK NONE")]
        [InlineData("healthcheck none")]
        public void HealthcheckNone_Reported(string instruction)
        {
            CheckResult result = new EngineHarness()
                .Compose(Compose, "services:\n  api:\n    build: .\n" + Hardened + "\n")
                .File(Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nHEALTHCHECK CMD curl -f http://localhost/\nFROM base\n" + instruction + "\nUSER $APP_UID\n")
                .AssertFindings("HARD8002@" + Compose + ":2:3");

            Assert.Contains("HEALTHCHECK NONE in stage (FROM base)", result.Findings[0].Message);
        }

        [Fact]
        public void StageWithout_Reported()
        {
            CheckResult result = new EngineHarness()
                .Compose(Compose, "services:\n  api:\n    build: .\n" + Hardened + "\n")
                .File(Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n")
                .AssertFindings("HARD8002@" + Compose + ":2:3");

            Assert.Contains("curl", result.Findings[0].Message);
        }

        [Fact]
        public void ChiseledStage_SuggestsExecProbe()
        {
            CheckResult result = new EngineHarness()
                .Compose(Compose, "services:\n  api:\n    build: .\n" + Hardened + "\n")
                .File(Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n")
                .AssertFindings("HARD8002@" + Compose + ":2:3");

            Assert.Contains("has no shell or curl", result.Findings[0].Message);
        }

        [Fact]
        public void UnknownBaseStage_NoFinding()
        {
            new EngineHarness()
                .Compose(Compose, "services:\n  api:\n    build: .\n" + Hardened + "\n")
                .File(Dockerfile, "FROM registry.example.com/base/app:1.0\nUSER 10001\n")
                .AssertFindings();
        }

        [Fact]
        public void ComposeOverridesDockerfileNone_NoFinding()
        {
            new EngineHarness()
                .Compose(Compose, "services:\n  api:\n    build: .\n    healthcheck:\n      test: [CMD, /app/health]\n" + Hardened + "\n")
                .File(Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nHEALTHCHECK NONE\nUSER $APP_UID\n")
                .AssertFindings();
        }

        [Fact]
        public void UnbuiltDockerfile_NoFinding()
        {
            new EngineHarness()
                .Dockerfile(Dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"api.dll\"]\n")
                .AssertFindings();
        }

        [Fact]
        public void SuggestionSeverity()
        {
            Assert.Equal(Severity.Suggestion, Rule.Descriptor.DefaultSeverity);
        }
    }
}
