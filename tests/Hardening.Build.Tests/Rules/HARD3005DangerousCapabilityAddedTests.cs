using Hardening.Build.Rules.Privileges;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD3005DangerousCapabilityAddedTests
    {
        private static readonly HARD3005DangerousCapabilityAdded Rule = new HARD3005DangerousCapabilityAdded();

        [Theory]
        [InlineData("SYS_ADMIN")]
        [InlineData("sys_admin")]
        [InlineData("CAP_SYS_ADMIN")]
        [InlineData("cap_sys_ptrace")]
        [InlineData("SYS_MODULE")]
        [InlineData("NET_ADMIN")]
        [InlineData("DAC_READ_SEARCH")]
        [InlineData("SYS_RAWIO")]
        [InlineData("BPF")]
        [InlineData("PERFMON")]
        [InlineData("SYS_BOOT")]
        [InlineData("SYS_TIME")]
        [InlineData("MAC_ADMIN")]
        [InlineData("MAC_OVERRIDE")]
        [InlineData("ALL")]
        [InlineData("all")]
        public void Dangerous_ReportedAtEntry(string capability)
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    cap_add:\n      - " + capability + "\n"), "HARD3005@5:9");
        }

        [Theory]
        [InlineData("NET_BIND_SERVICE")]
        [InlineData("NET_RAW")]
        [InlineData("CHOWN")]
        [InlineData("SETUID")]
        [InlineData("CAP_ALL")]
        [InlineData("SYS_ADMIN_X")]
        public void Harmless_NoFinding(string capability)
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    cap_add:\n      - " + capability + "\n"));
        }

        [Fact]
        public void AllAfterDropAll_LeftToHARD3001()
        {
            string yaml = "services:\n  app:\n    image: x:1\n    cap_drop: [ALL]\n    cap_add: [ALL, SYS_PTRACE]\n";

            AssertFindings(Run(Rule, yaml), "HARD3005@5:20");
            AssertFindings(RunAll(yaml).FindAll(finding => finding.Code == "HARD3001" || finding.Code == "HARD3005"), "HARD3001@5:15", "HARD3005@5:20");
        }

        [Fact]
        public void MessageNamesCapabilityAsWritten()
        {
            var findings = Run(Rule, "services:\n  app:\n    image: x:1\n    cap_add: [cap_sys_module]\n");

            Assert.Contains("adds the capability 'cap_sys_module'", findings[0].Message);
            Assert.Contains("Remove SYS_MODULE from cap_add", findings[0].Message);
        }

        [Fact]
        public void UnsetVariable_Unresolved()
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    cap_add: [\"${EXTRA_CAP}\"]\n"), "HARD0005@4:15");
        }
    }
}
