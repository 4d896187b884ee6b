using Hardening.Build.Rules.Filesystem;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD2001RootFilesystemWritableTests
    {
        private static readonly HARD2001RootFilesystemWritable Rule = new HARD2001RootFilesystemWritable();

        [Fact]
        public void Missing_ReportedAtServiceKey()
        {
            string yaml = "services:\n  web:\n    image: nginx:1.27.0-alpine\n";

            AssertFindings(Run(Rule, yaml), "HARD2001@2:3");
        }

        [Fact]
        public void VersionLine_ShiftsFindingOneLine()
        {
            string yaml = "version: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27.0-alpine\n";

            AssertFindings(Run(Rule, yaml), "HARD2001@3:3");
        }

        [Theory]
        [InlineData("false")]
        [InlineData("False")]
        [InlineData("\"false\"")]
        [InlineData("${RO:-false}")]
        public void False_ReportedAtValue(string value)
        {
            string yaml = "services:\n  web:\n    image: nginx:1.27.0-alpine\n    read_only: " + value + "\n";

            AssertFindings(Run(Rule, yaml), "HARD2001@4:16");
        }

        [Theory]
        [InlineData("true")]
        [InlineData("TRUE")]
        [InlineData("\"true\"")]
        [InlineData("${RO:-true}")]
        public void True_NoFinding(string value)
        {
            string yaml = "services:\n  web:\n    image: nginx:1.27.0-alpine\n    read_only: " + value + "\n";

            AssertFindings(Run(Rule, yaml));
        }

        [Theory]
        [InlineData("no")]
        [InlineData("off")]
        [InlineData("n")]
        public void LegacyFalse_ReportedWithComposeWarning(string value)
        {
            string yaml = "services:\n  web:\n    image: nginx:1.27.0-alpine\n    read_only: " + value + "\n";

            AssertFindings(Run(Rule, yaml), "HARD0007@4:16", "HARD2001@4:16");
        }

        [Theory]
        [InlineData("yes")]
        [InlineData("on")]
        [InlineData("Y")]
        public void LegacyTrue_OnlyComposeWarning(string value)
        {
            string yaml = "services:\n  web:\n    image: nginx:1.27.0-alpine\n    read_only: " + value + "\n";

            AssertFindings(Run(Rule, yaml), "HARD0007@4:16");
        }

        [Fact]
        public void IntegerOne_RejectedButReadAsTrue()
        {
            string yaml = "services:\n  web:\n    image: nginx:1.27.0-alpine\n    read_only: 1\n";

            AssertFindings(Run(Rule, yaml), "HARD0004@4:16");
        }

        [Fact]
        public void UnsetVariable_UnresolvedNotMissing()
        {
            string yaml = "services:\n  web:\n    image: nginx:1.27.0-alpine\n    read_only: ${RO}\n";

            AssertFindings(Run(Rule, yaml), "HARD0005@4:16");
        }

        [Fact]
        public void VariableFromEnvironment_Used()
        {
            string yaml = "services:\n  web:\n    image: nginx:1.27.0-alpine\n    read_only: ${RO}\n";
            var variables = new System.Collections.Generic.Dictionary<string, string> { ["RO"] = "false" };

            AssertFindings(Run(Rule, yaml, variables), "HARD2001@4:16");
        }

        [Fact]
        public void ShallowMergeKey_KeepsReadOnly()
        {
            string yaml =
                "x-hardened: &hardened\n" +
                "  read_only: true\n" +
                "  deploy: {resources: {limits: {memory: 256m}}}\n" +
                "services:\n" +
                "  api:\n" +
                "    <<: *hardened\n" +
                "    image: example/api:1\n";

            AssertFindings(Run(Rule, yaml));
        }

        [Fact]
        public void ResetTag_CountsAsMissing()
        {
            string yaml = "services:\n  web:\n    image: nginx:1.27.0-alpine\n    read_only: !reset true\n";

            AssertFindings(Run(Rule, yaml), "HARD2001@2:3");
        }

        [Fact]
        public void EachService_ReportedAtItsKey()
        {
            string yaml = "services:\n  a:\n    image: x:1\n  b:\n    image: y:1\n    read_only: true\n  c:\n    image: z:1\n";

            AssertFindings(Run(Rule, yaml), "HARD2001@2:3", "HARD2001@7:3");
        }
    }
}
