using Hardening.Build.Rules.Restart;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD8001NoRestartPolicyTests
    {
        private static readonly HARD8001NoRestartPolicy Rule = new HARD8001NoRestartPolicy();

        [Fact]
        public void Missing_ReportedAtServiceKey()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n"), "HARD8001@2:3");
        }

        [Theory]
        [InlineData("restart: unless-stopped")]
        [InlineData("restart: always")]
        [InlineData("restart: on-failure:3")]
        [InlineData("restart: \"no\"")]
        [InlineData("restart: no")]
        [InlineData("deploy: {restart_policy: {condition: on-failure}}")]
        public void Policy_NoFinding(string setting)
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    " + setting + "\n"));
        }

        [Fact]
        public void SuggestionSeverity()
        {
            Assert.Equal(Severity.Suggestion, Rule.Descriptor.DefaultSeverity);
        }
    }
}
