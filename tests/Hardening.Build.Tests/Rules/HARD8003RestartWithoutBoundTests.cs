using Hardening.Build.Rules.Restart;
using Hardening.Build.Tests.Compose;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD8003RestartWithoutBoundTests
    {
        /// <summary>Settings that pass every other Compose rule, without a healthcheck.</summary>
        private const string Hardened =
            "    read_only: true\n" +
            "    tmpfs: [\"/tmp:size=64m\"]\n" +
            "    cap_drop: [ALL]\n" +
            "    security_opt: [no-new-privileges:true]\n" +
            "    mem_limit: 256m\n" +
            "    deploy: {resources: {limits: {cpus: \"0.5\", pids: 200}}}\n" +
            "    restart: unless-stopped";

        private static readonly HARD8003RestartWithoutBound Rule = new HARD8003RestartWithoutBound();

        [Theory]
        [InlineData("restart: always", "4:14")]
        [InlineData("restart: unless-stopped", "4:14")]
        [InlineData("restart: \"always\"", "4:14")]
        [InlineData("deploy:\n      restart_policy:\n        condition: any", "6:20")]
        [InlineData("deploy:\n      restart_policy:\n        condition: any\n        max_attempts: 3", "6:20")]
        public void AlwaysWithoutHealthcheck_LeftToHard8002(string policy, string at)
        {
            // The missing healthcheck is one fact, reported by HARD8002 at the service key.
            Assert.NotEmpty(at);
            AssertFindings(Run(Rule, "services:\n  db:\n    image: postgres:16\n    " + policy + "\n"));
        }

        [Theory]
        [InlineData("restart: always")]
        [InlineData("deploy: {restart_policy: {condition: any}}")]
        public void AlwaysWithHealthcheck_NoFinding(string policy)
        {
            AssertFindings(Run(Rule, "services:\n  db:\n    image: postgres:16\n    healthcheck: {test: [CMD, pg_isready]}\n    " + policy + "\n"));
        }

        [Fact]
        public void AlwaysDisabledHealthcheck_LeftToHard8002()
        {
            AssertFindings(Run(Rule, "services:\n  db:\n    image: postgres:16\n    healthcheck: {disable: true}\n    restart: always\n"));
        }

        [Fact]
        public void AlwaysUnknownImage_NoFinding()
        {
            AssertFindings(Run(Rule, "services:\n  db:\n    image: registry.example.com/db:1\n    restart: always\n"));
        }

        [Theory]
        [InlineData("restart: on-failure", "4:14")]
        [InlineData("restart: on-failure:0", "4:14")]
        [InlineData("deploy:\n      restart_policy:\n        condition: on-failure", "6:20")]
        [InlineData("deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 0", "7:23")]
        public void OnFailureUnbounded_ReportedAtValue(string policy, string at)
        {
            AssertFindings(Run(Rule, "services:\n  job:\n    image: registry.example.com/job:1\n    " + policy + "\n"), "HARD8003@" + at);
        }

        [Theory]
        [InlineData("restart: on-failure:5")]
        [InlineData("restart: \"no\"")]
        [InlineData("restart: no")]
        [InlineData("deploy: {restart_policy: {condition: on-failure, max_attempts: 5}}")]
        [InlineData("deploy: {restart_policy: {condition: none}}")]
        [InlineData("deploy: {restart_policy: {max_attempts: 5}}")]
        [InlineData("restart: always\n    deploy: {restart_policy: {condition: on-failure, max_attempts: 3}}")]
        public void Bounded_NoFinding(string policy)
        {
            AssertFindings(Run(Rule, "services:\n  job:\n    image: postgres:16\n    " + policy + "\n"));
        }

        [Fact]
        public void UnsetVariable_Hard0005()
        {
            AssertFindings(Run(Rule, "services:\n  job:\n    image: postgres:16\n    restart: ${POLICY}\n"), "HARD0005@4:14");
        }

        [Fact]
        public void DockerfileHealthcheck_NoFinding()
        {
            new EngineHarness()
                .Compose("/repo/app/compose.yaml", "services:\n  api:\n    build: .\n" + Hardened + "\n    healthcheck: {interval: 10s}\n")
                .File("/repo/app/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nHEALTHCHECK CMD [\"/app/health\"]\nUSER $APP_UID\n")
                .AssertFindings();
        }

        [Fact]
        public void BuiltWithoutHealthcheck_OnlyHard8002()
        {
            new EngineHarness()
                .Compose("/repo/app/compose.yaml", "services:\n  api:\n    build: .\n" + Hardened + "\n")
                .File("/repo/app/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n")
                .AssertFindings("HARD8002@/repo/app/compose.yaml:2:3");
        }

        [Fact]
        public void SuggestionSeverity()
        {
            Assert.Equal(Severity.Suggestion, Rule.Descriptor.DefaultSeverity);
        }
    }
}
