using System.Collections.Generic;
using System.Linq;
using Hardening.Build.Rules.SupplyChain;
using Hardening.Build.Tests.Support;
using Xunit;
using static Hardening.Build.Tests.Support.DockerfileRuleHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD7001ImageNotTaggedTests
    {
        private static string[] Check(params string[] lines) => Describe(Run(new HARD7001ImageNotTagged(), Lines(lines)));

        [Fact]
        public void UntaggedReported()
        {
            List<Finding> findings = Run(new HARD7001ImageNotTagged(), Lines("FROM python", "USER 10001"));

            Assert.Equal(new[] { "HARD7001@1:6" }, Describe(findings));
            Assert.Contains("'python' without a tag", findings[0].Message);
            Assert.Contains("`python:<version>`", findings[0].Message);
        }

        [Fact]
        public void LatestReported()
        {
            Assert.Equal(new[] { "HARD7001@1:6" }, Check("FROM python:latest"));
            Assert.Equal(new[] { "HARD7001@1:32" }, Check("FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:latest AS build"));
        }

        [Fact]
        public void TaggedAndDigestPass()
        {
            Assert.Empty(Check("FROM python:3.12.4-slim"));
            Assert.Empty(Check("FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
            Assert.Empty(Check("FROM python:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
        }

        [Fact]
        public void RegistryPortIsNotTag()
        {
            Assert.Equal(new[] { "HARD7001@1:6" }, Check("FROM localhost:5000/app"));
            Assert.Empty(Check("FROM localhost:5000/app:1.2"));
        }

        [Fact]
        public void ScratchAndStagesPass()
        {
            Assert.Empty(Check("FROM scratch"));
            Assert.Empty(Check("FROM alpine:3.20 AS base", "FROM base AS final", "FROM FINAL"));
        }

        [Fact]
        public void ArgDefaultResolved()
        {
            Assert.Equal(new[] { "HARD7001@2:6" }, Check("ARG IMAGE=alpine", "FROM ${IMAGE}"));
            Assert.Empty(Check("ARG TAG=3.20", "FROM alpine:$TAG"));
        }

        [Fact]
        public void UnresolvedArgFieldCase()
        {
            List<Finding> findings = Run(new HARD7001ImageNotTagged(), Lines(
                "ARG BASE_IMAGE=python:3.12.4-slim",
                "ARG TOOLS_IMAGE",
                "FROM ${TOOLS_IMAGE} AS tools",
                "RUN true",
                "",
                "FROM ${BASE_IMAGE} AS runtime",
                "RUN useradd -u 10001 app",
                "USER app"));

            Assert.Equal(new[] { "HARD0005@3:6" }, Describe(findings));
            Assert.Contains("'TOOLS_IMAGE'", findings[0].Message);
            Assert.DoesNotContain("latest", findings[0].Message);
        }

        [Fact]
        public void CopyFromImageReported()
        {
            Assert.Equal(new[] { "HARD7001@2:6" }, Check("FROM alpine:3.20", "COPY --from=busybox /bin/busybox /bin/"));
            Assert.Empty(Check("FROM alpine:3.20 AS a", "FROM alpine:3.20", "COPY --from=a /x /x", "COPY --from=0 /x /y"));
        }

        [Fact]
        public void ComposeImageReported()
        {
            string yaml = "services:\n  db:\n    image: postgres\n  cache:\n    image: redis:latest\n  web:\n    image: nginx:1.27\n  api:\n    build: .\n    image: api\n";

            ComposeHarness.AssertFindings(ComposeHarness.Run(new HARD7001ImageNotTagged(), yaml), "HARD7001@3:12", "HARD7001@5:12");
        }

        [Fact]
        public void ComposeUnsetVariableUnresolved()
        {
            string yaml = "services:\n  db:\n    image: postgres:${PG_TAG}\n  web:\n    image: nginx:${NGINX_TAG:-1.27}\n";

            List<Finding> findings = ComposeHarness.Run(new HARD7001ImageNotTagged(), yaml).Where(f => f.Code != "HARD0007").ToList();

            ComposeHarness.AssertFindings(findings, "HARD0005@3:12");
        }

        [Fact]
        public void BuildArgsResolveFrom()
        {
            var harness = new Compose.EngineHarness()
                .Compose("/repo/app/compose.yaml", "services:\n  a:\n    build:\n      context: .\n      args:\n        TAG: latest\n  b:\n    build: .\n")
                .File("/repo/app/Dockerfile", "ARG TAG=3.20\nFROM alpine:${TAG}\nUSER 10001\n");

            string[] found = harness.Check().Findings.Where(f => f.Code == "HARD7001").Select(f => $"{f.Location.Line}:{f.Location.Column}").ToArray();

            Assert.Equal(new[] { "2:6" }, found);
        }
    }
}
