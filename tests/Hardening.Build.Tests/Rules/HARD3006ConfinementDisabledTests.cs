using Hardening.Build.Rules.Privileges;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD3006ConfinementDisabledTests
    {
        private static readonly HARD3006ConfinementDisabled Rule = new HARD3006ConfinementDisabled();

        [Theory]
        [InlineData("seccomp=unconfined")]
        [InlineData("seccomp:unconfined")]
        [InlineData("apparmor=unconfined")]
        [InlineData("apparmor:unconfined")]
        [InlineData("label=disable")]
        [InlineData("label:disable")]
        [InlineData("disable")]
        [InlineData("label=type:spc_t")]
        [InlineData("label:type:spc_t")]
        [InlineData("systempaths=unconfined")]
        [InlineData("systempaths:unconfined")]
        public void Disabled_ReportedAtEntry(string option)
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    security_opt:\n      - " + option + "\n"), "HARD3006@5:9");
        }

        [Theory]
        [InlineData("no-new-privileges:true")]
        [InlineData("seccomp=./profile.json")]
        [InlineData("seccomp=builtin")]
        [InlineData("apparmor=docker-default")]
        [InlineData("label=type:container_t")]
        [InlineData("label=level:s0:c100,c200")]
        [InlineData("Seccomp=unconfined")]
        [InlineData("seccomp=Unconfined")]
        public void Confined_NoFinding(string option)
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    security_opt:\n      - " + option + "\n"));
        }

        [Fact]
        public void SeveralEntries_EachReported()
        {
            string yaml = "services:\n  app:\n    image: x:1\n    security_opt: [no-new-privileges, seccomp:unconfined, apparmor:unconfined]\n";

            AssertFindings(Run(Rule, yaml), "HARD3006@4:39", "HARD3006@4:59");
        }

        [Fact]
        public void DefaultFromVariable_Reported()
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    security_opt: [\"seccomp=${PROFILE:-unconfined}\"]\n"), "HARD3006@4:20");
        }
    }
}
