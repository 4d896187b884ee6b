using Hardening.Build.Rules.User;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD1002ServiceRunsAsRootTests
    {
        private static readonly HARD1002ServiceRunsAsRoot Rule = new HARD1002ServiceRunsAsRoot();

        [Theory]
        [InlineData("\"0\"")]
        [InlineData("\"00\"")]
        [InlineData("root")]
        [InlineData("root:root")]
        [InlineData("\"0:0\"")]
        [InlineData("\"0:1000\"")]
        [InlineData("root:app")]
        [InlineData("ContainerAdministrator")]
        public void RootUser_ReportedAtValue(string user)
        {
            string yaml = "services:\n  api:\n    build: .\n    user: " + user + "\n";

            AssertFindings(Run(Rule, yaml), "HARD1002@4:11");
        }

        [Theory]
        [InlineData("\"1000\"")]
        [InlineData("\"1000:0\"")]
        [InlineData("app")]
        [InlineData("ROOT")]
        [InlineData("\"10001:10001\"")]
        [InlineData("ContainerUser")]
        [InlineData("\"\"")]
        public void NonRootUser_NoFinding(string user)
        {
            string yaml = "services:\n  api:\n    build: .\n    user: " + user + "\n";

            AssertFindings(Run(Rule, yaml));
        }

        [Fact]
        public void IntegerZero_ReportedAndRejected()
        {
            string yaml = "services:\n  api:\n    image: example/api:1\n    user: 0\n";

            AssertFindings(Run(Rule, yaml), "HARD0004@4:11", "HARD1002@4:11");
        }

        [Fact]
        public void InterpolatedDefaultRoot_Reported()
        {
            string yaml = "services:\n  api:\n    image: example/api:1\n    user: ${RUN_AS:-root}\n";

            AssertFindings(Run(Rule, yaml), "HARD1002@4:11");
        }

        [Fact]
        public void UnsetVariable_Unresolved()
        {
            string yaml = "services:\n  api:\n    image: example/api:1\n    user: \"${UID}:${GID}\"\n";

            AssertFindings(Run(Rule, yaml), "HARD0005@4:11");
        }

        [Fact]
        public void UserFromAnchor_ReportedAtAliasSite()
        {
            string yaml = "x-user: &runas \"0\"\nservices:\n  api:\n    image: example/api:1\n    user: *runas\n";

            AssertFindings(Run(Rule, yaml), "HARD1002@5:11");
        }
    }
}
