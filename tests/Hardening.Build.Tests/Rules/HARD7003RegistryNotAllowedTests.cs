using Hardening.Build.Dockerfiles;
using Hardening.Build.Rules.SupplyChain;
using Hardening.Build.Tests.Support;
using Xunit;
using static Hardening.Build.Tests.Support.DockerfileRuleHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD7003RegistryNotAllowedTests
    {
        private static string[] Check(string[] allowed, params string[] lines) =>
            Describe(Run(new HARD7003RegistryNotAllowed(), Lines(lines), new RuleSettings { AllowedRegistries = allowed }));

        [Fact]
        public void OffWithoutList()
        {
            Assert.Empty(Run(new HARD7003RegistryNotAllowed(), Lines("FROM evil.example.com/app:1")));
        }

        [Fact]
        public void OtherRegistryReported()
        {
            var settings = new RuleSettings { AllowedRegistries = new[] { "mcr.microsoft.com" } };

            Finding finding = Assert.Single(Run(new HARD7003RegistryNotAllowed(), Lines("FROM python:3.12"), settings));

            Assert.Equal("HARD7003", finding.Code);
            Assert.Equal(1, finding.Location.Line);
            Assert.Equal(6, finding.Location.Column);
            Assert.Contains("docker.io/library/python", finding.Message);
        }

        [Fact]
        public void HostEntriesMatch()
        {
            Assert.Empty(Check(new[] { "mcr.microsoft.com" }, "FROM mcr.microsoft.com/dotnet/aspnet:8.0"));
            Assert.Empty(Check(new[] { "docker.io" }, "FROM python:3.12"));
            Assert.Empty(Check(new[] { "index.docker.io" }, "FROM docker.io/library/python:3.12"));
            Assert.Empty(Check(new[] { "*.example.com" }, "FROM registry.example.com/app:1"));
            Assert.Empty(Check(new[] { "localhost:5000" }, "FROM localhost:5000/app:1"));
            Assert.Equal(new[] { "HARD7003@1:6" }, Check(new[] { "*.example.com" }, "FROM example.org/app:1"));
        }

        [Fact]
        public void PrefixEntriesMatchWholeSegments()
        {
            string[] allowed = { "docker.io/library", "mcr.microsoft.com/dotnet/" };
            Assert.Empty(Check(allowed, "FROM alpine:3.20"));
            Assert.Empty(Check(allowed, "FROM mcr.microsoft.com/dotnet/sdk:8.0"));
            Assert.Equal(new[] { "HARD7003@1:6" }, Check(allowed, "FROM bitnami/redis:7.2"));
            Assert.Equal(new[] { "HARD7003@1:6" }, Check(allowed, "FROM mcr.microsoft.com/dotnetx/app:1"));
            Assert.Equal(new[] { "HARD7003@1:6" }, Check(new[] { "library" }, "FROM bitnami/redis:7.2"));
            Assert.Empty(Check(new[] { "bitnami" }, "FROM bitnami/redis:7.2"));
        }

        [Fact]
        public void ComposeImageReported()
        {
            var file = ComposeHarness.Load("services:\n  db:\n    image: postgres:16\n  web:\n    image: registry.example.com/web:1\n");
            var settings = new RuleSettings { AllowedRegistries = new[] { "registry.example.com" } };
            var project = new ProjectModel(new DockerfileDocument[0], new[] { file }, new ServiceBuildLink[0], settings);

            ComposeHarness.AssertFindings(new HARD7003RegistryNotAllowed().Check(project), "HARD7003@3:12");
        }
    }
}
