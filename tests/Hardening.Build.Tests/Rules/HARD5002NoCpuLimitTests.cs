using Hardening.Build.Rules.Resources;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD5002NoCpuLimitTests
    {
        private static readonly HARD5002NoCpuLimit Rule = new HARD5002NoCpuLimit();

        [Fact]
        public void Missing_ReportedAtServiceKey()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n"), "HARD5002@2:3");
        }

        [Theory]
        [InlineData("cpus: 0.5")]
        [InlineData("cpus: \"2\"")]
        [InlineData("cpus: ${APP_CPUS:-0.5}")]
        [InlineData("deploy: {resources: {limits: {cpus: \"0.5\"}}}")]
        [InlineData("deploy: {resources: {limits: {cpus: '0.50'}}}")]
        public void Limit_NoFinding(string setting)
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    " + setting + "\n"));
        }

        [Fact]
        public void Zero_ReportedAtValue()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    cpus: 0\n"), "HARD5002@4:11");
        }

        [Fact]
        public void Percentage_Rejected()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    deploy: {resources: {limits: {cpus: \"50%\"}}}\n"), "HARD0004@4:41");
        }

        [Fact]
        public void ReservationOnly_Reported()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    deploy: {resources: {reservations: {cpus: \"1\"}}}\n"), "HARD5002@2:3");
        }
    }
}
