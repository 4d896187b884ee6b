using Hardening.Build.Rules.Privileges;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD3002NoNewPrivilegesNotSetTests
    {
        private static readonly HARD3002NoNewPrivilegesNotSet Rule = new HARD3002NoNewPrivilegesNotSet();

        [Fact]
        public void EverySpelling_OnlyFalseReported()
        {
            string yaml =
                "services:\n" +
                "  a:\n" +
                "    image: registry.example.com/app:1.4.2\n" +
                "    security_opt:\n" +
                "      - no-new-privileges=true\n" +
                "  b:\n" +
                "    image: registry.example.com/app:1.4.2\n" +
                "    security_opt:\n" +
                "      - \"no-new-privileges:true\"\n" +
                "  c:\n" +
                "    image: registry.example.com/app:1.4.2\n" +
                "    security_opt:\n" +
                "      - no-new-privileges\n" +
                "  d:\n" +
                "    image: registry.example.com/app:1.4.2\n" +
                "    security_opt:\n" +
                "      - no-new-privileges:false\n" +
                "  e:\n" +
                "    image: registry.example.com/app:1.4.2\n" +
                "    security_opt:\n" +
                "      - label:disable\n" +
                "      - no-new-privileges:true\n";

            AssertFindings(Run(Rule, yaml), "HARD3002@17:9");
        }

        [Fact]
        public void LastEntryWins()
        {
            string yaml =
                "services:\n" +
                "  api:\n" +
                "    image: example/api\n" +
                "    security_opt:\n" +
                "      - no-new-privileges:true\n" +
                "      - no-new-privileges=false\n";

            AssertFindings(Run(Rule, yaml), "HARD3002@6:9");
        }

        [Theory]
        [InlineData("no-new-privileges=1")]
        [InlineData("no-new-privileges:True")]
        [InlineData("no-new-privileges:t")]
        public void GoBooleanTrue_NoFinding(string option)
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    security_opt: [\"" + option + "\"]\n"));
        }

        [Fact]
        public void Missing_ReportedAtServiceKey()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n"), "HARD3002@2:3");
        }

        [Fact]
        public void OtherOptionsOnly_ReportedAtSecurityOptKey()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    security_opt:\n      - seccomp:unconfined\n"), "HARD3002@4:5");
        }

        [Fact]
        public void YesValue_RejectedByEngine()
        {
            AssertFindings(
                Run(Rule, "services:\n  api:\n    image: x:1\n    security_opt:\n      - no-new-privileges:yes\n"),
                "HARD3002@4:5",
                "HARD0004@5:9");
        }

        [Fact]
        public void KeyIsCaseSensitive()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    security_opt: [\"No-New-Privileges:true\"]\n"), "HARD3002@4:5");
        }

        [Fact]
        public void InterpolatedDefault_Used()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    security_opt:\n      - no-new-privileges:${APP_NNP:-true}\n"));
        }
    }
}
