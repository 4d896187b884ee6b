using System.Collections.Generic;
using System.Linq;
using Hardening.Build.Rules.SupplyChain;
using Xunit;
using static Hardening.Build.Tests.Support.DockerfileRuleHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD7006SdkImageAtRuntimeTests
    {
        private static string[] Check(params string[] lines) => Describe(Run(new HARD7006SdkImageAtRuntime(), Lines(lines)));

        [Fact]
        public void SdkFinalStageReported()
        {
            List<Finding> findings = Run(new HARD7006SdkImageAtRuntime(), Lines(
                "FROM mcr.microsoft.com/dotnet/sdk:8.0",
                "WORKDIR /src",
                "COPY . .",
                "RUN dotnet publish -o /app",
                "ENTRYPOINT [\"dotnet\", \"/app/api.dll\"]"));

            Assert.Equal(new[] { "HARD7006@1:1" }, Describe(findings));
            Assert.Contains("mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled", findings[0].Message);
        }

        [Fact]
        public void InheritedSdkReportedAtFinalFrom()
        {
            List<Finding> findings = Run(new HARD7006SdkImageAtRuntime(), Lines(
                "FROM mcr.microsoft.com/dotnet/sdk:9.0-alpine AS build",
                "RUN dotnet publish -o /app",
                "FROM build AS final",
                "CMD [\"dotnet\", \"/app/api.dll\"]"));

            Assert.Equal(new[] { "HARD7006@3:1" }, Describe(findings));
            Assert.Contains("through stage 'build'", findings[0].Message);
            Assert.Contains("aspnet:9.0-noble-chiseled", findings[0].Message);
        }

        [Fact]
        public void ArgResolvedSdkReported()
        {
            Assert.Equal(new[] { "HARD7006@2:1" }, Check("ARG SDK=mcr.microsoft.com/dotnet/sdk:8.0", "FROM $SDK", "CMD [\"dotnet\", \"test\"]"));
        }

        [Fact]
        public void ExportStagePasses()
        {
            Assert.Empty(Check("FROM mcr.microsoft.com/dotnet/sdk:8.0", "RUN dotnet publish -o /app"));
        }

        [Fact]
        public void RuntimeFinalStagePasses()
        {
            Assert.Empty(Check(
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build",
                "RUN dotnet publish -o /app",
                "FROM mcr.microsoft.com/dotnet/aspnet:8.0",
                "COPY --from=build /app .",
                "ENTRYPOINT [\"dotnet\", \"api.dll\"]"));
        }

        [Fact]
        public void OtherBuildImagesPass()
        {
            Assert.Empty(Check("FROM golang:1.22", "CMD [\"go\", \"run\", \".\"]"));
            Assert.Empty(Check("FROM node:20", "CMD [\"node\", \"server.js\"]"));
        }

        [Fact]
        public void BuildTargetJudged()
        {
            var harness = new Compose.EngineHarness()
                .Compose("/repo/app/compose.yaml", "services:\n  dev:\n    build:\n      context: .\n      target: dev\n")
                .File("/repo/app/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS dev\nENTRYPOINT [\"dotnet\", \"watch\"]\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT [\"dotnet\", \"api.dll\"]\n");

            Finding finding = Assert.Single(harness.Check().Findings, f => f.Code == "HARD7006");
            Assert.Equal(1, finding.Location.Line);
            Assert.Contains("build target of service 'dev'", finding.Message);
        }
    }
}
