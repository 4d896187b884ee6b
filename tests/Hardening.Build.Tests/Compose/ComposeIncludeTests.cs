using Xunit;
using static Hardening.Build.Tests.Compose.EngineHarness;

namespace Hardening.Build.Tests.Compose
{
    public class ComposeIncludeTests
    {
        private const string ComposePath = "/repo/app/compose.yaml";

        private const string SubPath = "/repo/app/sub/compose.yaml";

        private const string LocalService = $$"""
              web:
                image: nginx:1.27.0-alpine
            {{Hardened}}
            """;

        private static readonly string IncludedWritable = $$"""
            services:
              worker:
                image: example/worker:1
            {{Hardened.Replace("read_only: true", "read_only: ${RO:-false}")}}
            """;

        [Fact]
        public void ShortForm_IncludedServiceChecked()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    include:
                      - sub/compose.yaml
                    services:
                    {{LocalService}}
                    """)
                .File(SubPath, IncludedWritable)
                .AssertFindings("HARD2001@/repo/app/sub/compose.yaml:5:16");
        }

        [Fact]
        public void LongForm_PathList()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    include:
                      - path:
                          - sub/compose.yaml
                          - sub/compose.extra.yaml
                    services:
                    {{LocalService}}
                    """)
                .File(SubPath, IncludedWritable)
                .File("/repo/app/sub/compose.extra.yaml", "services:\n  worker:\n    cap_drop: [CHOWN]\n")
                .AssertFindings("HARD2001@/repo/app/sub/compose.yaml:5:16");
        }

        [Fact]
        public void LongForm_EnvFile()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    include:
                      - path: sub/compose.yaml
                        env_file: config/sub.env
                    services:
                    {{LocalService}}
                    """)
                .File(SubPath, IncludedWritable)
                .File("/repo/app/sub/.env", "RO=false\n")
                .File("/repo/app/config/sub.env", "RO=true\n")
                .AssertFindings();
        }

        [Fact]
        public void IncludedEnvFile_Used()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    include: [sub/compose.yaml]
                    services:
                    {{LocalService}}
                    """)
                .File(SubPath, IncludedWritable.Replace("${RO:-false}", "${RO}"))
                .File("/repo/app/sub/.env", "RO=false\n")
                .AssertFindings("HARD2001@/repo/app/sub/compose.yaml:5:16");
        }

        [Fact]
        public void IncludedVariableUnset_Unresolved()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    include: [sub/compose.yaml]
                    services:
                    {{LocalService}}
                    """)
                .File(SubPath, IncludedWritable.Replace("${RO:-false}", "${RO}"))
                .AssertFindings("HARD0005@/repo/app/sub/compose.yaml:5:16");
        }

        [Fact]
        public void ParentVariables_WinOverIncludedEnv()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    include: [sub/compose.yaml]
                    services:
                    {{LocalService}}
                    """)
                .File(SubPath, IncludedWritable)
                .File("/repo/app/.env", "RO=true\n")
                .File("/repo/app/sub/.env", "RO=false\n")
                .AssertFindings();
        }

        [Fact]
        public void Environment_WinsOverIncludedEnv()
        {
            var harness = new EngineHarness()
                .Compose(ComposePath, $$"""
                    include: [sub/compose.yaml]
                    services:
                    {{LocalService}}
                    """)
                .File(SubPath, IncludedWritable)
                .File("/repo/app/sub/.env", "RO=true\n");
            harness.Environment["RO"] = "false";

            harness.AssertFindings("HARD2001@/repo/app/sub/compose.yaml:5:16");
        }

        [Fact]
        public void LocalService_OverridesIncluded()
        {
            new EngineHarness()
                .Compose(ComposePath, """
                    include: [sub/compose.yaml]
                    services:
                      worker:
                        read_only: true
                    """)
                .File(SubPath, IncludedWritable)
                .AssertFindings();
        }

        [Fact]
        public void LocalValue_ReportedInParent()
        {
            new EngineHarness()
                .Compose(ComposePath, """
                    include: [sub/compose.yaml]
                    services:
                      worker:
                        cap_drop: !override [NET_RAW]
                    """)
                .File(SubPath, IncludedWritable.Replace("${RO:-false}", "true"))
                .AssertFindings("HARD3001@/repo/app/compose.yaml:4:5");
        }

        [Fact]
        public void Cycle_ReportedAtPath()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    include: [sub/compose.yaml]
                    services:
                    {{LocalService}}
                    """)
                .File(SubPath, "include:\n  - ../compose.yaml\n")
                .AssertFindings("HARD0006@/repo/app/sub/compose.yaml:2:5");
        }

        [Fact]
        public void MissingFile_ReportedAtPath()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    include:
                      - path: sub/missing.yaml
                    services:
                    {{LocalService}}
                    """)
                .AssertFindings("HARD0006@/repo/app/compose.yaml:2:11");
        }

        [Fact]
        public void BuildContext_RelativeToIncludedFile()
        {
            new EngineHarness()
                .Compose(ComposePath, """
                    include: [sub/compose.yaml]
                    """)
                .File(SubPath, $$"""
                    services:
                      api:
                        build: .
                    {{HardenedBuild}}
                    """)
                .File("/repo/app/sub/Dockerfile", "FROM alpine:3.20\n")
                .File("/repo/app/Dockerfile", "FROM alpine:3.20\nUSER 10001\n")
                .AssertFindings("HARD1001@/repo/app/sub/Dockerfile:1:1");
        }
    }
}
