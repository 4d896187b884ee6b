using Hardening.Build.Tests.Compose;
using Xunit;
using static Hardening.Build.Tests.Compose.EngineHarness;

namespace Hardening.Build.Tests.Rules
{
    public class ServiceBuildLinkTests
    {
        private const string ComposePath = "/repo/app/compose.yaml";

        private const string RootDockerfile = "FROM alpine:3.20\nRUN apk add --no-cache curl\n";

        private const string TwoStages =
            "FROM alpine:3.20 AS runtime\n" +
            "RUN apk add --no-cache curl\n" +
            "\n" +
            "FROM runtime AS final\n" +
            "USER 10001\n";

        [Fact]
        public void ShortForm_LinksContextDockerfile()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build: ./api
                    {{HardenedBuild}}
                    """)
                .File("/repo/app/api/Dockerfile", RootDockerfile)
                .AssertFindings("HARD1001@/repo/app/api/Dockerfile:1:1");
        }

        [Fact]
        public void LowerCaseDockerfile_Found()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build: ./api
                    {{HardenedBuild}}
                    """)
                .File("/repo/app/api/dockerfile", RootDockerfile)
                .AssertFindings("HARD1001@/repo/app/api/dockerfile:1:1");
        }

        [Fact]
        public void LongForm_DockerfileRelativeToContext()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build:
                          context: ./src
                          dockerfile: docker/Api.Dockerfile
                    {{HardenedBuild}}
                    """)
                .File("/repo/app/src/docker/Api.Dockerfile", RootDockerfile)
                .File("/repo/app/docker/Api.Dockerfile", "FROM alpine:3.20\nUSER 10001\n")
                .AssertFindings("HARD1001@/repo/app/src/docker/Api.Dockerfile:1:1");
        }

        [Fact]
        public void Target_RootStageReported()
        {
            // The final stage runs as 10001, but the service builds and runs the runtime stage.
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build:
                          context: .
                          dockerfile: Dockerfile
                          target: runtime
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", TwoStages)
                .AssertFindings("HARD1001@/repo/app/Dockerfile:1:1");
        }

        [Fact]
        public void NoTarget_FinalStagePasses()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build: .
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", TwoStages)
                .AssertFindings();
        }

        [Fact]
        public void Backslashes_InDockerfilePath()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      webapp:
                        build:
                          context: .
                          dockerfile: WebApp\Dockerfile
                    {{HardenedBuild}}
                    """)
                .File("/repo/app/WebApp/Dockerfile", RootDockerfile)
                .AssertFindings("HARD1001@/repo/app/WebApp/Dockerfile:1:1");
        }

        [Fact]
        public void Args_FeedArg()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build:
                          context: .
                          args:
                            RUN_AS: "10001"
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", "FROM alpine:3.20\nARG RUN_AS=0\nUSER ${RUN_AS}\n")
                .AssertFindings();
        }

        [Fact]
        public void Args_DefaultUsedWithoutThem()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build: .
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", "FROM alpine:3.20\nARG RUN_AS=0\nUSER ${RUN_AS}\n")
                .AssertFindings("HARD1001@/repo/app/Dockerfile:3:1");
        }

        [Fact]
        public void Args_ListFormInterpolated()
        {
            var harness = new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build:
                          context: .
                          args:
                            - RUN_AS=${APP_UID:-0}
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", "FROM alpine:3.20\nARG RUN_AS=0\nUSER ${RUN_AS}\n")
                .File("/repo/app/.env", "APP_UID=10001\n");

            harness.AssertFindings();
        }

        [Fact]
        public void DockerfileInline_FindingsAtComposeLines()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build:
                          context: .
                          dockerfile_inline: |
                            FROM alpine:3.20
                            RUN apk add --no-cache curl
                    {{HardenedBuild}}
                    """)
                .AssertFindings("HARD1001@/repo/app/compose.yaml:6:9");
        }

        [Fact]
        public void DockerfileInline_RootUserLine()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build:
                          dockerfile_inline: |
                            FROM alpine:3.20
                            USER 10001
                            USER root
                    {{HardenedBuild}}
                    """)
                .AssertFindings("HARD1001@/repo/app/compose.yaml:7:9");
        }

        [Fact]
        public void ServiceUser_OverRootImage()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build: .
                        user: "1000"
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", RootDockerfile)
                .AssertFindings();
        }

        [Fact]
        public void TwoServices_OneFindingNamingBoth()
        {
            CheckResult result = new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build: .
                    {{HardenedBuild}}
                      worker:
                        build: .
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", RootDockerfile)
                .AssertFindings("HARD1001@/repo/app/Dockerfile:1:1");

            Assert.Contains("'api'", result.Findings[0].Message);
            Assert.Contains("'worker'", result.Findings[0].Message);
        }

        [Fact]
        public void MissingDockerfile_ReportedAtContext()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build: ./api
                    {{HardenedBuild}}
                    """)
                .AssertFindings("HARD0006@/repo/app/compose.yaml:3:12");
        }

        [Fact]
        public void MissingDockerfile_ReportedAtDockerfile()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build:
                          context: .
                          dockerfile: Api.Dockerfile
                    {{HardenedBuild}}
                    """)
                .AssertFindings("HARD0006@/repo/app/compose.yaml:5:19");
        }

        [Fact]
        public void MissingTarget_ReportedAtTarget()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      api:
                        build:
                          context: .
                          target: release
                    {{HardenedBuild}}
                    """)
                .Dockerfile("/repo/app/Dockerfile", TwoStages)
                .AssertFindings("HARD0006@/repo/app/compose.yaml:5:15");
        }
    }
}
