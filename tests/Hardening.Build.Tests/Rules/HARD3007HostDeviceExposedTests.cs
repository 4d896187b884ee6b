using Hardening.Build.Rules.Privileges;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD3007HostDeviceExposedTests
    {
        private static readonly HARD3007HostDeviceExposed Rule = new HARD3007HostDeviceExposed();

        [Theory]
        [InlineData("/dev/ttyUSB0")]
        [InlineData("/dev/ttyUSB0:/dev/ttyUSB0")]
        [InlineData("/dev/sda:/dev/xvda:rwm")]
        [InlineData("nvidia.com/gpu=all")]
        public void ShortSyntax_ReportedAtEntry(string device)
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    devices:\n      - " + device + "\n"), "HARD3007@5:9");
        }

        [Fact]
        public void LongSyntax_ReportedAtEntry()
        {
            string yaml =
                "services:\n" +
                "  app:\n" +
                "    image: x:1\n" +
                "    devices:\n" +
                "      - source: /dev/dri\n" +
                "        target: /dev/dri\n" +
                "        permissions: rw\n";

            var findings = Run(Rule, yaml);

            AssertFindings(findings, "HARD3007@5:9");
            Assert.Contains("the host device '/dev/dri'", findings[0].Message);
        }

        [Fact]
        public void CdiName_NoPermissionAdvice()
        {
            var findings = Run(Rule, "services:\n  app:\n    image: x:1\n    devices: [\"nvidia.com/gpu=all\"]\n");

            Assert.DoesNotContain(":r`", findings[0].Message);
        }

        [Fact]
        public void CgroupRules_ReportedAtEntry()
        {
            string yaml = "services:\n  app:\n    image: x:1\n    device_cgroup_rules:\n      - 'c 1:3 mr'\n      - 'a *:* rwm'\n";

            AssertFindings(Run(Rule, yaml), "HARD3007@5:9", "HARD3007@6:9");
        }

        [Fact]
        public void NoDevices_NoFinding()
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    devices: []\n"));
        }
    }
}
