using Hardening.Build.Tests.Compose;
using Xunit;
using static Hardening.Build.Tests.Compose.EngineHarness;

namespace Hardening.Build.Tests.Rules
{
    public class HARD3003PrivilegedPortUnbindableTests
    {
        private const string ComposePath = "/repo/app/compose.yaml";

        private const string NonRootExposing80 = "FROM alpine:3.20\nUSER 10001\nEXPOSE 80\n";

        [Fact]
        public void Port80_SuggestionAtPort()
        {
            CheckResult result = new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        image: example/web:1
                        ports: ["127.0.0.1:80:80"]
                    {{Hardened}}
                    """)
                .AssertFindings("HARD3003@/repo/app/compose.yaml:4:13");

            Assert.Equal(Severity.Suggestion, result.Findings[0].Severity);
        }

        [Fact]
        public void ContainerSideCounts()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        image: example/web:1
                        ports:
                          - "127.0.0.1:8443:443/tcp"
                          - "127.0.0.1:80:8080"
                          - target: 25
                            published: 2525
                            host_ip: 127.0.0.1
                    {{Hardened}}
                    """)
                .AssertFindings(
                    "HARD3003@/repo/app/compose.yaml:5:9",
                    "HARD3003@/repo/app/compose.yaml:7:9");
        }

        [Fact]
        public void Port8080_NoFinding()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        image: example/web:1
                        ports: ["127.0.0.1:80:8080"]
                    {{Hardened}}
                    """)
                .AssertFindings();
        }

        [Fact]
        public void Expose80_ReportedInDockerfile()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        build: .
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", NonRootExposing80)
                .AssertFindings("HARD3003@/repo/app/Dockerfile:3:1");
        }

        [Fact]
        public void Expose8080_NoFinding()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        build: .
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", "FROM alpine:3.20\nUSER 10001\nEXPOSE 8080\n")
                .AssertFindings();
        }

        [Fact]
        public void NetBindServiceAdded_NoFinding()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        image: example/web:1
                        ports: ["127.0.0.1:80:80"]
                        cap_add: [NET_BIND_SERVICE]
                    {{Hardened}}
                    """)
                .AssertFindings();
        }

        [Fact]
        public void RootService_NoFinding()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        build: .
                        ports: ["127.0.0.1:80:80"]
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n")
                .AssertFindings("HARD1001@/repo/app/Dockerfile:1:1");
        }

        [Fact]
        public void HostNetwork_Warning()
        {
            // With host networking the ports list does not apply, but the EXPOSEd port is still bound.
            CheckResult result = new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        build: .
                        network_mode: host
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", NonRootExposing80)
                .AssertFindings("HARD3003@/repo/app/Dockerfile:3:1", "HARD4001@/repo/app/compose.yaml:4:19");

            Assert.Equal(Severity.Warning, result.Findings[0].Severity);
        }

        [Fact]
        public void SysctlAbovePort_Warning()
        {
            CheckResult result = new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        image: example/web:1
                        ports: ["127.0.0.1:80:80"]
                        sysctls:
                          net.ipv4.ip_unprivileged_port_start: 1024
                    {{Hardened}}
                    """)
                .AssertFindings("HARD3003@/repo/app/compose.yaml:4:13");

            Assert.Equal(Severity.Warning, result.Findings[0].Severity);
        }

        [Fact]
        public void SysctlZero_NoFinding()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        image: example/web:1
                        ports: ["127.0.0.1:80:80"]
                        sysctls:
                          - net.ipv4.ip_unprivileged_port_start=0
                    {{Hardened}}
                    """)
                .AssertFindings();
        }
    }
}
