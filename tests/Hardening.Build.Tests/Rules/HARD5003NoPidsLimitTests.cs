using Hardening.Build.Rules.Resources;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD5003NoPidsLimitTests
    {
        private static readonly HARD5003NoPidsLimit Rule = new HARD5003NoPidsLimit();

        [Fact]
        public void Missing_ReportedAtServiceKey()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n"), "HARD5003@2:3");
        }

        [Theory]
        [InlineData("    pids_limit: 200\n")]
        [InlineData("    pids_limit: \"100\"\n")]
        [InlineData("    deploy:\n      resources:\n        limits:\n          pids: 100\n")]
        [InlineData("    pids_limit: 0\n    deploy:\n      resources:\n        limits:\n          pids: 100\n")]
        public void Limited_NoFinding(string settings)
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n" + settings));
        }

        [Theory]
        [InlineData("-1")]
        [InlineData("0")]
        public void NoLimitValue_ReportedAtValue(string value)
        {
            var findings = Run(Rule, "services:\n  api:\n    image: x:1\n    pids_limit: " + value + "\n");

            AssertFindings(findings, "HARD5003@4:17");
            Assert.Contains("which means no limit", findings[0].Message);
        }

        [Fact]
        public void Unset_Unresolved()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    pids_limit: ${PIDS}\n"), "HARD0005@4:17");
        }
    }
}
