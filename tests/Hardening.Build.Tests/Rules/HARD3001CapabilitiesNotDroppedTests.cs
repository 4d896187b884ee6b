using Hardening.Build.Rules.Privileges;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD3001CapabilitiesNotDroppedTests
    {
        private static readonly HARD3001CapabilitiesNotDropped Rule = new HARD3001CapabilitiesNotDropped();

        [Fact]
        public void Missing_ReportedAtServiceKey()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n"), "HARD3001@2:3");
        }

        [Fact]
        public void MissingWithAdds_MessageNamesAddedCapabilities()
        {
            var findings = Run(Rule, "services:\n  vpn:\n    image: x:1\n    cap_add: [NET_ADMIN, SYS_MODULE]\n");

            AssertFindings(findings, "HARD3001@2:3");
            Assert.Contains("adds NET_ADMIN, SYS_MODULE", findings[0].Message);
        }

        [Theory]
        [InlineData("[ALL]")]
        [InlineData("[all]")]
        [InlineData("[\"All\"]")]
        [InlineData("[NET_RAW, ALL]")]
        public void DropsAll_NoFinding(string list)
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    cap_drop: " + list + "\n"));
        }

        [Fact]
        public void PartialDrop_ReportedAtCapDropKey()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    cap_drop:\n      - NET_RAW\n"), "HARD3001@4:5");
        }

        [Fact]
        public void CapAllPrefix_IsNotAll()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    cap_drop: [CAP_ALL]\n"), "HARD3001@4:5");
        }

        [Fact]
        public void ScalarAll_RejectedButReadAsList()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    cap_drop: ALL\n"), "HARD0004@4:15");
        }

        [Fact]
        public void CapAddAll_ReportedAtEntry()
        {
            string yaml =
                "services:\n" +
                "  api:\n" +
                "    image: example/api\n" +
                "    cap_drop: [ALL]\n" +
                "    cap_add: [all]\n";

            AssertFindings(Run(Rule, yaml), "HARD3001@5:15");
        }

        [Fact]
        public void Privileged_ReportedAtValue()
        {
            string yaml = "services:\n  api:\n    image: x:1\n    cap_drop: [ALL]\n    privileged: yes\n";

            AssertFindings(Run(Rule, yaml), "HARD0007@5:17", "HARD3001@5:17");
        }

        [Fact]
        public void CapDropFromAnchor_ReportedWhereUsed()
        {
            string yaml =
                "x-caps: &caps\n" +
                "  - NET_RAW\n" +
                "services:\n" +
                "  api:\n" +
                "    image: x:1\n" +
                "    cap_drop: *caps\n";

            AssertFindings(Run(Rule, yaml), "HARD3001@6:5");
        }
    }
}
