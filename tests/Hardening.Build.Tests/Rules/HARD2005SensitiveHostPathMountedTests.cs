using Hardening.Build.Rules.Filesystem;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD2005SensitiveHostPathMountedTests
    {
        private static readonly HARD2005SensitiveHostPathMounted Rule = new HARD2005SensitiveHostPathMounted();

        private static string ShortVolume(string entry) =>
            "services:\n  app:\n    image: x:1\n    volumes:\n      - " + entry + "\n";

        [Theory]
        [InlineData("/:/host")]
        [InlineData("/:/host:ro")]
        [InlineData("//:/host")]
        [InlineData("/etc:/host/etc:ro")]
        [InlineData("/etc/shadow:/etc/shadow:ro")]
        [InlineData("/etc/ssl:/etc/ssl:ro")]
        [InlineData("/etc/ssh:/etc/ssh:ro")]
        [InlineData("/etc/sudoers.d:/s")]
        [InlineData("/usr/local:/usr/local")]
        [InlineData("/proc:/host/proc:ro")]
        [InlineData("/sys:/sys")]
        [InlineData("/sys/fs/cgroup:/sys/fs/cgroup:ro")]
        [InlineData("/dev:/dev")]
        [InlineData("/boot:/boot:ro")]
        [InlineData("/root:/root")]
        [InlineData("/root/.ssh:/keys:ro")]
        [InlineData("/home:/home")]
        [InlineData("/var/lib/docker:/var/lib/docker")]
        [InlineData("/var/lib/docker/volumes:/v:ro")]
        [InlineData("/var/lib/containerd:/c")]
        [InlineData("/var/lib/kubelet:/k")]
        [InlineData("/var:/host/var")]
        [InlineData("/var/lib:/host/lib")]
        [InlineData("/lib/modules:/lib/modules:ro")]
        [InlineData("/usr:/usr")]
        [InlineData("/usr/bin:/host/bin:ro")]
        [InlineData("/bin:/b")]
        [InlineData("~:/home/app")]
        [InlineData("~/.ssh:/root/.ssh:ro")]
        [InlineData("~/.aws:/root/.aws:ro")]
        [InlineData("~/.kube/config:/kube/config")]
        [InlineData("~/.docker/config.json:/config.json:ro")]
        [InlineData("C:\\:/host")]
        public void ShortSyntax_ReportedAtEntry(string entry)
        {
            AssertFindings(Run(Rule, ShortVolume(entry)), "HARD2005@5:9");
        }

        [Theory]
        [InlineData("/etc/localtime:/etc/localtime:ro")]
        [InlineData("/etc/localtime:/etc/localtime")]
        [InlineData("/etc/pihole/:/etc/pihole/")]
        [InlineData("/etc/dnsmasq.d/:/etc/dnsmasq.d/")]
        [InlineData("/usr/share/appdata/wireguard/config:/config")]
        [InlineData("/usr/src:/usr/src")]
        [InlineData("/etc/timezone:/etc/timezone:ro")]
        [InlineData("/usr/share/zoneinfo:/usr/share/zoneinfo:ro")]
        [InlineData("/etc/ssl/certs:/etc/ssl/certs:ro")]
        [InlineData("/home/dev/project/src:/app")]
        [InlineData("~/projects/app:/app")]
        [InlineData("./data:/var/lib/app")]
        [InlineData("/srv/app:/srv")]
        [InlineData("/var/log:/var/log:ro")]
        [InlineData("/var/run/docker.sock:/var/run/docker.sock")]
        [InlineData("~/.docker/run/docker.sock:/var/run/docker.sock")]
        [InlineData("etc:/etc")]
        [InlineData("\"${HOST_ROOT}:/host\"")]
        public void Harmless_NoFinding(string entry)
        {
            AssertFindings(Run(Rule, ShortVolume(entry)));
        }

        [Fact]
        public void LongSyntaxReadOnlyLocaltime_NoFinding()
        {
            string yaml =
                "services:\n" +
                "  app:\n" +
                "    image: x:1\n" +
                "    volumes:\n" +
                "      - type: bind\n" +
                "        source: /etc/localtime\n" +
                "        target: /etc/localtime\n" +
                "        read_only: true\n";

            AssertFindings(Run(Rule, yaml));
        }

        [Fact]
        public void LongSyntaxProc_ReportedAtEntry()
        {
            string yaml =
                "services:\n" +
                "  app:\n" +
                "    image: x:1\n" +
                "    volumes:\n" +
                "      - type: bind\n" +
                "        source: /proc\n" +
                "        target: /host/proc\n" +
                "        read_only: true\n";

            var findings = Run(Rule, yaml);

            AssertFindings(findings, "HARD2005@5:9");
            Assert.Contains("'/proc' read-only, which still lets it read the host's processes", findings[0].Message);
        }

        [Fact]
        public void ReadWriteEtc_MessageSaysChange()
        {
            var findings = Run(Rule, ShortVolume("/etc:/host/etc"));

            Assert.Contains("read-write, which lets it read and change the host's configuration", findings[0].Message);
        }

        [Fact]
        public void ParentFolder_MessageNamesChild()
        {
            var findings = Run(Rule, ShortVolume("/var:/host/var"));

            Assert.Contains("everything under it, including the Docker engine's images", findings[0].Message);
        }
    }
}
