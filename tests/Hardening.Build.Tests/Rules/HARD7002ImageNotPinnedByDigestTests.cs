using Hardening.Build.Rules.SupplyChain;
using Hardening.Build.Tests.Support;
using Xunit;
using static Hardening.Build.Tests.Support.DockerfileRuleHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD7002ImageNotPinnedByDigestTests
    {
        private static readonly RuleSettings s_required = new RuleSettings { RequireDigest = true };

        [Fact]
        public void OffByDefault()
        {
            Assert.Empty(Run(new HARD7002ImageNotPinnedByDigest(), Lines("FROM alpine:3.20")));
        }

        [Fact]
        public void TagWithoutDigestReported()
        {
            Finding finding = Assert.Single(Run(new HARD7002ImageNotPinnedByDigest(), Lines("FROM alpine:3.20", "COPY --from=busybox:1.36 /bin/busybox /bin/"), s_required), f => f.Location.Line == 1);

            Assert.Equal("HARD7002", finding.Code);
            Assert.Equal(1, finding.Location.Line);
            Assert.Equal(6, finding.Location.Column);
            Assert.Equal(Severity.Suggestion, finding.Severity);
            Assert.Contains("`alpine:3.20@sha256:<digest>`", finding.Message);
        }

        [Fact]
        public void CopyFromImageReported()
        {
            Assert.Equal(
                new[] { "HARD7002@2:6" },
                Describe(Run(new HARD7002ImageNotPinnedByDigest(), Lines("FROM scratch", "COPY --from=busybox:1.36 /bin/busybox /bin/"), s_required)));
        }

        [Fact]
        public void DigestPasses()
        {
            Assert.Empty(Run(new HARD7002ImageNotPinnedByDigest(), Lines("FROM alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "FROM scratch"), s_required));
        }

        [Fact]
        public void ComposeImageReported()
        {
            var file = ComposeHarness.Load("services:\n  db:\n    image: postgres:16\n  api:\n    build: .\n");
            var project = new ProjectModel(new Hardening.Build.Dockerfiles.DockerfileDocument[0], new[] { file }, new ServiceBuildLink[0], s_required);

            ComposeHarness.AssertFindings(new HARD7002ImageNotPinnedByDigest().Check(project), "HARD7002@3:12");
        }
    }
}
