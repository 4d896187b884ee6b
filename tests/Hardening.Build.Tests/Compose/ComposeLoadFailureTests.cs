using Xunit;

namespace Hardening.Build.Tests.Compose
{
    /// <summary>A project Docker Compose cannot load gives its diagnostics and no findings about settings.</summary>
    public class ComposeLoadFailureTests
    {
        private const string Override = "services:\n  web:\n    user: \"10001\"\n";

        [Fact]
        public void BrokenBaseFile_OverrideNotCheckedAlone()
        {
            new EngineHarness()
                .Compose("/repo/app/docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n    deploy: {}\n    deploy: {}\n")
                .Compose("/repo/app/docker-compose.override.yml", Override)
                .AssertFindings("HARD0002@/repo/app/docker-compose.yml:5:5");
        }

        [Fact]
        public void MissingExtendsFile_ServicesNotChecked()
        {
            new EngineHarness()
                .Compose("/repo/app/compose.yaml", "services:\n  web:\n    extends:\n      file: common.yml\n      service: base\n")
                .AssertFindings("HARD0006@/repo/app/compose.yaml:4:13");
        }

        [Fact]
        public void OtherProjects_StillChecked()
        {
            new EngineHarness()
                .Compose("/repo/app/compose.yaml", "services:\n  web:\n    image: [unclosed\n")
                .Compose("/repo/tools/compose.yaml", "services:\n  tool:\n" + EngineHarness.Hardened + "\n    image: registry.example.com/tool:1\n    privileged: true\n")
                .AssertFindings(
                    "HARD0002@/repo/app/compose.yaml:4:1",
                    "HARD3001@/repo/tools/compose.yaml:14:17",
                    "HARD3004@/repo/tools/compose.yaml:14:17");
        }

        [Fact]
        public void ResetService_RemovedByOverride()
        {
            new EngineHarness()
                .Compose("/repo/app/compose.yaml", "services:\n  debug:\n    image: registry.example.com/debug:1\n    privileged: true\n")
                .Compose("/repo/app/compose.override.yaml", "services:\n  debug: !reset null\n")
                .AssertFindings();
        }
    }
}
