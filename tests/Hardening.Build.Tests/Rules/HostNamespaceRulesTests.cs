using Hardening.Build.Rules;
using Hardening.Build.Rules.Namespaces;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    /// <summary>HARD4001 to HARD4005, which share one check on different fields.</summary>
    public class HostNamespaceRulesTests
    {
        private static Rule RuleFor(string field) => field switch
        {
            "network_mode" => new HARD4001HostNetwork(),
            "pid" => new HARD4002HostPid(),
            "ipc" => new HARD4003HostIpc(),
            "userns_mode" => new HARD4004HostUserNamespace(),
            _ => new HARD4005HostUts(),
        };

        [Theory]
        [InlineData("network_mode", "host", "HARD4001@4:19")]
        [InlineData("network_mode", "\"host\"", "HARD4001@4:19")]
        [InlineData("network_mode", "${NET:-host}", "HARD4001@4:19")]
        [InlineData("pid", "host", "HARD4002@4:10")]
        [InlineData("ipc", "host", "HARD4003@4:10")]
        [InlineData("userns_mode", "host", "HARD4004@4:18")]
        [InlineData("uts", "'host'", "HARD4005@4:10")]
        public void Host_ReportedAtValue(string field, string value, string expected)
        {
            AssertFindings(Run(RuleFor(field), "services:\n  app:\n    image: x:1\n    " + field + ": " + value + "\n"), expected);
        }

        [Theory]
        [InlineData("network_mode", "bridge")]
        [InlineData("network_mode", "none")]
        [InlineData("network_mode", "Host")]
        [InlineData("network_mode", "service:db")]
        [InlineData("network_mode", "container:abc")]
        [InlineData("network_mode", "hostnet")]
        [InlineData("pid", "service:app")]
        [InlineData("pid", "HOST")]
        [InlineData("ipc", "shareable")]
        [InlineData("ipc", "private")]
        [InlineData("userns_mode", "keep-id")]
        [InlineData("uts", "\"\"")]
        public void OtherModes_NoFinding(string field, string value)
        {
            AssertFindings(Run(RuleFor(field), "services:\n  app:\n    image: x:1\n    " + field + ": " + value + "\n"));
        }

        [Fact]
        public void UnsetVariable_Unresolved()
        {
            AssertFindings(Run(new HARD4002HostPid(), "services:\n  app:\n    image: x:1\n    pid: ${PID_MODE}\n"), "HARD0005@4:10");
        }

        [Fact]
        public void Severities_UsernsAndUtsAreSuggestions()
        {
            Assert.Equal(Severity.Warning, new HARD4001HostNetwork().Descriptor.DefaultSeverity);
            Assert.Equal(Severity.Warning, new HARD4002HostPid().Descriptor.DefaultSeverity);
            Assert.Equal(Severity.Warning, new HARD4003HostIpc().Descriptor.DefaultSeverity);
            Assert.Equal(Severity.Suggestion, new HARD4004HostUserNamespace().Descriptor.DefaultSeverity);
            Assert.Equal(Severity.Suggestion, new HARD4005HostUts().Descriptor.DefaultSeverity);
        }

        [Fact]
        public void Message_NamesFieldAndFix()
        {
            var findings = Run(new HARD4002HostPid(), "services:\n  app:\n    image: x:1\n    pid: host\n");

            Assert.StartsWith("Service 'app' sets `pid: host`", findings[0].Message);
            Assert.Contains("Remove `pid: host`", findings[0].Message);
        }
    }
}
