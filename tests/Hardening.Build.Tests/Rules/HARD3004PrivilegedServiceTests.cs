using System.Collections.Generic;
using Hardening.Build.Rules.Privileges;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD3004PrivilegedServiceTests
    {
        private static readonly HARD3004PrivilegedService Rule = new HARD3004PrivilegedService();

        [Theory]
        [InlineData("true")]
        [InlineData("True")]
        [InlineData("\"true\"")]
        [InlineData("${PRIV:-true}")]
        public void True_ReportedAtValue(string value)
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    privileged: " + value + "\n"), "HARD3004@4:17");
        }

        [Fact]
        public void LegacyYes_ReportedWithCastWarning()
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    privileged: yes\n"), "HARD0007@4:17", "HARD3004@4:17");
        }

        [Theory]
        [InlineData("false")]
        [InlineData("\"no\"")]
        [InlineData("${PRIV:-false}")]
        public void False_NoFinding(string value)
        {
            var findings = Run(Rule, "services:\n  app:\n    image: x:1\n    privileged: " + value + "\n");

            Assert.DoesNotContain(findings, finding => finding.Code == "HARD3004");
        }

        [Fact]
        public void FromEnvironment_Reported()
        {
            var variables = new Dictionary<string, string> { ["PRIV"] = "true" };

            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    privileged: ${PRIV}\n", variables), "HARD3004@4:17");
        }

        [Fact]
        public void Unset_Unresolved()
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    privileged: ${PRIV}\n"), "HARD0005@4:17");
        }

        [Fact]
        public void WithCapDropAll_MessageDiffersFromHARD3001()
        {
            var findings = RunAll("services:\n  app:\n    image: x:1\n    cap_drop: [ALL]\n    privileged: true\n");

            Finding capabilities = findings.Find(finding => finding.Code == "HARD3001")!;
            Finding privileged = findings.Find(finding => finding.Code == "HARD3004")!;
            Assert.NotEqual(capabilities.Message, privileged.Message);
            Assert.Contains("turns off the container's isolation", privileged.Message);
        }
    }
}
