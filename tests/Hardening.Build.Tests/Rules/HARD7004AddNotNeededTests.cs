using System.Collections.Generic;
using Hardening.Build.Rules.SupplyChain;
using Xunit;
using static Hardening.Build.Tests.Support.DockerfileRuleHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD7004AddNotNeededTests
    {
        private static string[] Check(params string[] lines) => Describe(Run(new HARD7004AddNotNeeded(), Lines(lines)));

        [Fact]
        public void UrlWithoutChecksumReported()
        {
            List<Finding> findings = Run(new HARD7004AddNotNeeded(), Lines("FROM alpine:3.20", "ADD https://example.com/tool.tar.gz /opt/"));

            Assert.Equal(new[] { "HARD7004@2:5" }, Describe(findings));
            Assert.Contains("--checksum=sha256:", findings[0].Message);
        }

        [Fact]
        public void UrlWithChecksumPasses()
        {
            Assert.Empty(Check("FROM alpine:3.20", "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /opt/"));
        }

        [Fact]
        public void GitWithoutCommitReported()
        {
            Assert.Equal(new[] { "HARD7004@2:5" }, Check("FROM alpine:3.20", "ADD https://github.com/moby/buildkit.git#v0.14.0 /src"));
            Assert.Equal(new[] { "HARD7004@2:5" }, Check("FROM alpine:3.20", "ADD git@github.com:moby/buildkit.git /src"));
        }

        [Fact]
        public void GitWithCommitPasses()
        {
            Assert.Empty(Check("FROM alpine:3.20", "ADD https://github.com/moby/buildkit.git#8e8b8f9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8 /src"));
            Assert.Empty(Check("FROM alpine:3.20", "ADD --checksum=8e8b8f9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8 https://github.com/moby/buildkit.git#v0.14.0 /src"));
        }

        [Fact]
        public void LocalFileReported()
        {
            List<Finding> findings = Run(new HARD7004AddNotNeeded(), Lines("FROM alpine:3.20", "ADD app.jar config/ /app/"));

            Assert.Equal(new[] { "HARD7004@2:5", "HARD7004@2:13" }, Describe(findings));
            Assert.Contains("Write COPY instead of ADD", findings[0].Message);
            Assert.Equal(new[] { "HARD7004@2:5" }, Check("FROM alpine:3.20", "ADD [\"site.zip\", \"/srv/\"]"));
        }

        [Fact]
        public void LocalArchivePasses()
        {
            foreach (string archive in new[] { "rootfs.tar", "rootfs.tar.gz", "rootfs.tgz", "rootfs.tar.xz", "rootfs.tar.bz2", "rootfs.tar.zst", "ROOTFS.TAR.GZ" })
            {
                Assert.Empty(Check("FROM scratch", $"ADD {archive} /"));
            }
        }

        [Fact]
        public void VariablesAndHeredocsIgnored()
        {
            Assert.Empty(Check("FROM alpine:3.20", "ARG FILE=app.jar", "ADD $FILE /app/"));
            Assert.Empty(Check("# syntax=docker/dockerfile:1", "FROM alpine:3.20", "ADD <<EOF /app/run.sh", "echo hi", "EOF"));
        }

        [Fact]
        public void CopyIgnored()
        {
            Assert.Empty(Check("FROM alpine:3.20", "COPY app.jar /app/"));
        }
    }
}
