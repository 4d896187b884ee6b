using Hardening.Build.Rules.Namespaces;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD4006PortOnAllInterfacesTests
    {
        private static readonly HARD4006PortOnAllInterfaces Rule = new HARD4006PortOnAllInterfaces();

        private static string ShortPort(string entry) =>
            "services:\n  web:\n    image: x:1\n    ports:\n      - " + entry + "\n";

        [Theory]
        [InlineData("\"8080:80\"")]
        [InlineData("8080:80")]
        [InlineData("\"3000\"")]
        [InlineData("3000")]
        [InlineData("\"8080:80/udp\"")]
        [InlineData("\"9090-9091:8080-8081\"")]
        [InlineData("\"0.0.0.0:8080:80\"")]
        [InlineData("\"[::]:8080:80\"")]
        [InlineData("\"${HOST_PORT:-8080}:80\"")]
        public void AllInterfaces_ReportedAtEntry(string entry)
        {
            AssertFindings(Run(Rule, ShortPort(entry)), "HARD4006@5:9");
        }

        [Theory]
        [InlineData("\"127.0.0.1:8080:80\"")]
        [InlineData("\"127.0.0.1::80\"")]
        [InlineData("\"[::1]:8080:80\"")]
        [InlineData("\"::1:6000:6000\"")]
        [InlineData("\"192.168.1.10:443:8443/tcp\"")]
        [InlineData("\"${BIND:-127.0.0.1}:8080:80\"")]
        public void SpecificAddress_NoFinding(string entry)
        {
            AssertFindings(Run(Rule, ShortPort(entry)));
        }

        [Fact]
        public void BarePort_MessageSuggestsRandomLoopback()
        {
            var findings = Run(Rule, ShortPort("\"3000\""));

            Assert.Contains("container port '3000' on a random host port", findings[0].Message);
            Assert.Contains("\"127.0.0.1::3000\"", findings[0].Message);
        }

        [Fact]
        public void ExplicitAllAddress_MessageDropsIt()
        {
            var findings = Run(Rule, ShortPort("\"0.0.0.0:8080:80\""));

            Assert.Contains("\"127.0.0.1:8080:80\"", findings[0].Message);
        }

        [Fact]
        public void LongSyntaxWithoutHostIp_ReportedAtEntry()
        {
            string yaml = "services:\n  web:\n    image: x:1\n    ports:\n      - target: 80\n        published: \"8080\"\n";

            AssertFindings(Run(Rule, yaml), "HARD4006@5:9");
        }

        [Fact]
        public void LongSyntaxAllAddress_ReportedAtHostIp()
        {
            string yaml = "services:\n  web:\n    image: x:1\n    ports:\n      - target: 80\n        host_ip: 0.0.0.0\n";

            AssertFindings(Run(Rule, yaml), "HARD4006@6:18");
        }

        [Fact]
        public void LongSyntaxLoopback_NoFinding()
        {
            string yaml = "services:\n  web:\n    image: x:1\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n";

            AssertFindings(Run(Rule, yaml));
        }

        [Fact]
        public void Expose_NoFinding()
        {
            AssertFindings(Run(Rule, "services:\n  web:\n    image: x:1\n    expose: [\"8080\"]\n"));
        }

        [Fact]
        public void HostNetwork_LeftToHARD4001()
        {
            AssertFindings(Run(Rule, "services:\n  web:\n    image: x:1\n    network_mode: host\n    ports: [\"8080:80\"]\n"));
        }

        [Fact]
        public void UnsetAddress_Unresolved()
        {
            AssertFindings(Run(Rule, ShortPort("\"${BIND}:8080:80\"")), "HARD0005@5:9");
        }
    }
}
