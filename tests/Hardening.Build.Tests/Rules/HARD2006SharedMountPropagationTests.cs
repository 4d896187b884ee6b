using Hardening.Build.Rules.Filesystem;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD2006SharedMountPropagationTests
    {
        private static readonly HARD2006SharedMountPropagation Rule = new HARD2006SharedMountPropagation();

        [Theory]
        [InlineData("/mnt/data:/data:shared")]
        [InlineData("/mnt/data:/data:rshared")]
        [InlineData("/mnt/data:/data:ro,rshared")]
        [InlineData("/mnt/data:/data:z,shared")]
        public void ShortSyntax_ReportedAtEntry(string entry)
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    volumes:\n      - " + entry + "\n"), "HARD2006@5:9");
        }

        [Theory]
        [InlineData("/mnt/data:/data")]
        [InlineData("/mnt/data:/data:ro")]
        [InlineData("/mnt/data:/data:rslave")]
        [InlineData("/mnt/data:/data:private")]
        [InlineData("/mnt/shared:/shared")]
        [InlineData("C:\\shared:/data")]
        public void OtherModes_NoFinding(string entry)
        {
            AssertFindings(Run(Rule, "services:\n  app:\n    image: x:1\n    volumes:\n      - " + entry + "\n"));
        }

        [Theory]
        [InlineData("shared")]
        [InlineData("rshared")]
        public void LongSyntax_ReportedAtPropagation(string mode)
        {
            string yaml =
                "services:\n" +
                "  app:\n" +
                "    image: x:1\n" +
                "    volumes:\n" +
                "      - type: bind\n" +
                "        source: /mnt/data\n" +
                "        target: /data\n" +
                "        bind:\n" +
                "          propagation: " + mode + "\n";

            AssertFindings(Run(Rule, yaml), "HARD2006@9:24");
        }

        [Fact]
        public void LongSyntaxRslave_NoFinding()
        {
            string yaml =
                "services:\n" +
                "  app:\n" +
                "    image: x:1\n" +
                "    volumes:\n" +
                "      - type: bind\n" +
                "        source: /mnt/data\n" +
                "        target: /data\n" +
                "        bind: {propagation: rslave}\n";

            AssertFindings(Run(Rule, yaml));
        }
    }
}
