using Hardening.Build.Rules.Resources;
using Xunit;
using static Hardening.Build.Tests.Support.ComposeHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD5001NoMemoryLimitTests
    {
        private static readonly HARD5001NoMemoryLimit Rule = new HARD5001NoMemoryLimit();

        [Fact]
        public void Missing_ReportedAtServiceKey()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n"), "HARD5001@2:3");
        }

        [Theory]
        [InlineData("mem_limit: 2GB")]
        [InlineData("mem_limit: 5g")]
        [InlineData("mem_limit: 268435456")]
        [InlineData("mem_limit: ${APP_MEM:-512m}")]
        [InlineData("deploy: {resources: {limits: {memory: 256m}}}")]
        [InlineData("deploy: {resources: {limits: {memory: \"1.5g\"}}}")]
        public void Limit_NoFinding(string setting)
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    " + setting + "\n"));
        }

        [Fact]
        public void ReservationOnly_Reported()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    deploy: {resources: {reservations: {memory: 256m}}}\n"), "HARD5001@2:3");
        }

        [Fact]
        public void Zero_ReportedAtValue()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    mem_limit: 0\n"), "HARD5001@4:16");
        }

        [Fact]
        public void Unparseable_RejectedNotMissing()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    mem_limit: lots\n"), "HARD0004@4:16");
        }

        [Fact]
        public void DeployMemoryInteger_RejectedButCounted()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          memory: 536870912\n"), "HARD0004@7:19");
        }

        [Fact]
        public void UnsetVariable_Unresolved()
        {
            AssertFindings(Run(Rule, "services:\n  api:\n    image: x:1\n    mem_limit: ${APP_MEM}\n"), "HARD0005@4:16");
        }

        [Fact]
        public void ShallowMergeKey_DropsMergedDeploy()
        {
            string yaml =
                "x-hardened: &hardened\n" +
                "  read_only: true\n" +
                "  deploy: {resources: {limits: {memory: 256m}}}\n" +
                "services:\n" +
                "  api:\n" +
                "    <<: *hardened\n" +
                "    image: example/api\n" +
                "    deploy:\n" +
                "      replicas: 2\n";

            AssertFindings(Run(Rule, yaml), "HARD5001@5:3");
        }
    }
}
