using System.Collections.Generic;
using Hardening.Build.Rules.Filesystem;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD2004EngineSocketMountedTests
    {
        private static readonly HARD2004EngineSocketMounted Rule = new HARD2004EngineSocketMounted();

        private static string ShortVolume(string entry) =>
            "services:\n  agent:\n    image: x:1\n    volumes:\n      - " + entry + "\n";

        [Theory]
        [InlineData("/var/run/docker.sock:/var/run/docker.sock")]
        [InlineData("/var/run/docker.sock:/var/run/docker.sock:ro")]
        [InlineData("/run/docker.sock:/var/run/docker.sock")]
        [InlineData("//var/run/docker.sock:/var/run/docker.sock:ro")]
        [InlineData("/var/run/../run/./docker.sock:/d.sock")]
        [InlineData("/run/user/1000/docker.sock:/var/run/docker.sock")]
        [InlineData("~/.docker/run/docker.sock:/var/run/docker.sock")]
        [InlineData("~/.docker/desktop/docker.sock:/var/run/docker.sock")]
        [InlineData("/run/containerd/containerd.sock:/run/containerd/containerd.sock")]
        [InlineData("/run/podman/podman.sock:/var/run/docker.sock")]
        [InlineData("/var/run/crio/crio.sock:/crio.sock")]
        [InlineData("/var/run:/var/run")]
        [InlineData("/run:/host/run:ro")]
        [InlineData("/run/containerd:/run/containerd")]
        [InlineData("\"\\\\\\\\.\\\\pipe\\\\docker_engine:\\\\\\\\.\\\\pipe\\\\docker_engine\"")]
        [InlineData("//./pipe/docker_engine://./pipe/docker_engine")]
        [InlineData("\"${XDG_RUNTIME_DIR}/docker.sock:/var/run/docker.sock\"")]
        [InlineData("\"${SOCK:-/var/run/docker.sock}:/var/run/docker.sock\"")]
        public void ShortSyntax_ReportedAtEntry(string entry)
        {
            AssertFindings(Run(Rule, ShortVolume(entry)), "HARD2004@5:9");
        }

        [Theory]
        [InlineData("./docker:/app/docker")]
        [InlineData("docker.sock:/var/run/docker.sock")]
        [InlineData("/var/run/postgresql:/var/run/postgresql")]
        [InlineData("/run/secrets:/run/secrets")]
        [InlineData("/var/lib/app:/data")]
        [InlineData("/tmp/docker.socket:/tmp/x")]
        public void OtherMounts_NoFinding(string entry)
        {
            AssertFindings(Run(Rule, ShortVolume(entry)));
        }

        [Fact]
        public void DoubleSlashAndRunSocket_BothReported()
        {
            string yaml =
                "services:\n" +
                "  agent:\n" +
                "    image: example/agent\n" +
                "    volumes:\n" +
                "      - //var/run/docker.sock:/var/run/docker.sock:ro\n" +
                "      - type: bind\n" +
                "        source: /run/docker.sock\n" +
                "        target: /tmp/d.sock\n";

            AssertFindings(Run(Rule, yaml), "HARD2004@5:9", "HARD2004@6:9");
        }

        [Fact]
        public void LongSyntaxNpipe_Reported()
        {
            string yaml =
                "services:\n" +
                "  agent:\n" +
                "    image: x:1\n" +
                "    volumes:\n" +
                "      - type: npipe\n" +
                "        source: \\\\.\\pipe\\docker_engine\n" +
                "        target: \\\\.\\pipe\\docker_engine\n";

            AssertFindings(Run(Rule, yaml), "HARD2004@5:9");
        }

        [Fact]
        public void LongSyntaxVolume_NoFinding()
        {
            string yaml =
                "services:\n" +
                "  agent:\n" +
                "    image: x:1\n" +
                "    volumes:\n" +
                "      - type: volume\n" +
                "        source: docker.sock\n" +
                "        target: /var/run/docker.sock\n";

            AssertFindings(Run(Rule, yaml));
        }

        [Fact]
        public void FolderMount_MessageNamesFolder()
        {
            var findings = Run(Rule, ShortVolume("/var/run:/var/run"));

            Assert.Contains("the host folder '/var/run', which holds the Docker socket", findings[0].Message);
        }

        [Fact]
        public void UnsetFolderVariable_NoFinding()
        {
            AssertFindings(Run(Rule, ShortVolume("\"${RUN_DIR}:/var/run\"")));
        }

        [Fact]
        public void VariableFromEnvironment_Reported()
        {
            var variables = new Dictionary<string, string> { ["DOCKER_HOST_SOCK"] = "/var/run/docker.sock" };

            AssertFindings(Run(Rule, ShortVolume("\"$DOCKER_HOST_SOCK:/var/run/docker.sock\""), variables), "HARD2004@5:9");
        }

        [Theory]
        [InlineData("true")]
        [InlineData("\"true\"")]
        [InlineData("${API:-true}")]
        public void UseApiSocket_ReportedAtValue(string value)
        {
            AssertFindings(Run(Rule, "services:\n  agent:\n    image: x:1\n    use_api_socket: " + value + "\n"), "HARD2004@4:21");
        }

        [Fact]
        public void UseApiSocketFalse_NoFinding()
        {
            AssertFindings(Run(Rule, "services:\n  agent:\n    image: x:1\n    use_api_socket: false\n"));
        }

        [Fact]
        public void UseApiSocketUnset_Unresolved()
        {
            AssertFindings(Run(Rule, "services:\n  agent:\n    image: x:1\n    use_api_socket: ${API}\n"), "HARD0005@4:21");
        }
    }
}
