using Hardening.Build.Rules.Resources;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD5004ConflictingLimitsTests
    {
        private static readonly HARD5004ConflictingLimits Rule = new HARD5004ConflictingLimits();

        private static string Service(string settings) => "services:\n  api:\n    image: x:1\n" + settings;

        [Fact]
        public void MemoryDiffers_ReportedAtLaterValue()
        {
            string yaml = Service("    mem_limit: 256m\n    deploy:\n      resources:\n        limits:\n          memory: 512m\n");

            var findings = Run(Rule, yaml);

            AssertFindings(findings, "HARD5004@8:19");
            Assert.Contains("Docker Compose rejects the file", findings[0].Message);
        }

        [Fact]
        public void MemoryDiffersDeployFirst_ReportedAtMemLimit()
        {
            string yaml = Service("    deploy:\n      resources:\n        limits:\n          memory: 512m\n    mem_limit: 256m\n");

            AssertFindings(Run(Rule, yaml), "HARD5004@8:16");
        }

        [Theory]
        [InlineData("256m", "256M")]
        [InlineData("268435456", "256m")]
        [InlineData("0.25g", "256MiB")]
        public void SameBytes_NoFinding(string memLimit, string memory)
        {
            AssertFindings(Run(Rule, Service("    mem_limit: " + memLimit + "\n    deploy:\n      resources:\n        limits:\n          memory: \"" + memory + "\"\n")));
        }

        [Fact]
        public void CpusDiffer_Reported()
        {
            AssertFindings(Run(Rule, Service("    cpus: 0.5\n    deploy:\n      resources:\n        limits:\n          cpus: \"1\"\n")), "HARD5004@8:17");
        }

        [Fact]
        public void CpusSame_NoFinding()
        {
            AssertFindings(Run(Rule, Service("    cpus: 0.5\n    deploy:\n      resources:\n        limits:\n          cpus: '0.50'\n")));
        }

        [Fact]
        public void PidsDiffer_Reported()
        {
            AssertFindings(Run(Rule, Service("    pids_limit: 100\n    deploy:\n      resources:\n        limits:\n          pids: 200\n")), "HARD5004@8:17");
        }

        [Fact]
        public void MemoryReservationAboveLimit_ReportedAtReservation()
        {
            string yaml = Service("    deploy:\n      resources:\n        limits:\n          memory: 256m\n        reservations:\n          memory: 512m\n");

            var findings = Run(Rule, yaml);

            AssertFindings(findings, "HARD5004@9:19");
            Assert.Contains("the engine refuses to create the container", findings[0].Message);
        }

        [Fact]
        public void MemReservationAboveMemLimit_Reported()
        {
            AssertFindings(Run(Rule, Service("    mem_limit: 128m\n    mem_reservation: 256m\n")), "HARD5004@5:22");
        }

        [Fact]
        public void CpuReservationAboveLimit_Reported()
        {
            string yaml = Service("    deploy:\n      resources:\n        limits:\n          cpus: \"0.5\"\n        reservations:\n          cpus: \"1\"\n");

            AssertFindings(Run(Rule, yaml), "HARD5004@9:17");
        }

        [Fact]
        public void ReservationBelowLimit_NoFinding()
        {
            string yaml = Service("    deploy:\n      resources:\n        limits:\n          memory: 512m\n          cpus: \"1\"\n        reservations:\n          memory: 256m\n          cpus: \"0.25\"\n");

            AssertFindings(Run(Rule, yaml));
        }

        [Fact]
        public void ReservationWithoutLimit_NoFinding()
        {
            AssertFindings(Run(Rule, Service("    deploy:\n      resources:\n        reservations:\n          memory: 512m\n")));
        }
    }
}
