using Hardening.Build.Rules.Filesystem;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD2007TmpfsWithoutSizeTests
    {
        private static readonly HARD2007TmpfsWithoutSize Rule = new HARD2007TmpfsWithoutSize();

        [Fact]
        public void StringForm_ReportedAtValue()
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    tmpfs: /tmp\n"), "HARD2007@4:12");
        }

        [Fact]
        public void ListForm_EachEntryWithoutSize()
        {
            string yaml = "services:\n  app:\n    image: x:1\n    tmpfs:\n      - /tmp:mode=1777\n      - /run:size=16m\n      - /cache:size=0\n";

            var findings = Run(Rule, yaml);

            AssertFindings(findings, "HARD2007@5:9", "HARD2007@7:9");
            Assert.Contains("has size '0', which means no limit", findings[1].Message);
        }

        [Theory]
        [InlineData("/tmp:size=64m")]
        [InlineData("/tmp:rw,noexec,nosuid,size=65536k")]
        [InlineData("\"/tmp:size=67108864,mode=1777\"")]
        public void WithSize_NoFinding(string entry)
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    tmpfs:\n      - " + entry + "\n"));
        }

        [Fact]
        public void LongSyntaxWithoutSize_ReportedAtEntry()
        {
            string yaml =
                "services:\n" +
                "  app:\n" +
                "    image: x:1\n" +
                "    volumes:\n" +
                "      - type: tmpfs\n" +
                "        target: /tmp\n" +
                "        tmpfs:\n" +
                "          mode: 0o1777\n";

            AssertFindings(Run(Rule, yaml), "HARD2007@5:9");
        }

        [Fact]
        public void LongSyntaxSizeZero_ReportedAtSize()
        {
            string yaml = "services:\n  app:\n    image: x:1\n    volumes:\n      - type: tmpfs\n        target: /tmp\n        tmpfs: {size: 0}\n";

            AssertFindings(Run(Rule, yaml), "HARD2007@7:23");
        }

        [Theory]
        [InlineData("67108864")]
        [InlineData("64m")]
        public void LongSyntaxWithSize_NoFinding(string size)
        {
            string yaml = "services:\n  app:\n    image: x:1\n    volumes:\n      - type: tmpfs\n        target: /tmp\n        tmpfs:\n          size: " + size + "\n";

            AssertFindings(Run(Rule, yaml));
        }

        [Fact]
        public void UnsetVariable_NoFinding()
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    tmpfs: [\"${TMP_SPEC}\"]\n"));
        }
    }
}
