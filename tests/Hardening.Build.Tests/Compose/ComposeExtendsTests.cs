using Xunit;
using static Hardening.Build.Tests.Compose.EngineHarness;

namespace Hardening.Build.Tests.Compose
{
    public class ComposeExtendsTests
    {
        private const string ComposePath = "/repo/app/compose.yaml";

        [Fact]
        public void SameFile_StringForm()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      base:
                        image: nginx:1.27.0-alpine
                    {{Hardened}}
                      web:
                        extends: base
                        read_only: false
                    """)
                .AssertFindings("HARD2001@/repo/app/compose.yaml:16:16");
        }

        [Fact]
        public void SameFile_MappingForm()
        {
            // Both services run with the inherited value, so each is reported at the base's line.
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      base:
                        image: nginx:1.27.0-alpine
                    {{Hardened.Replace("read_only: true", "read_only: false")}}
                      web:
                        extends:
                          service: base
                    """)
                .AssertFindings(
                    "HARD2001@/repo/app/compose.yaml:5:16",
                    "HARD2001@/repo/app/compose.yaml:5:16");
        }

        [Fact]
        public void SameFile_ExtendingValueWins()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      base:
                        image: nginx:1.27.0-alpine
                    {{Hardened.Replace("read_only: true", "read_only: false")}}
                      web:
                        extends: {service: base}
                        read_only: true
                    """)
                .AssertFindings("HARD2001@/repo/app/compose.yaml:5:16");
        }

        [Fact]
        public void OtherFile_RelativePath()
        {
            new EngineHarness()
                .Compose(ComposePath, """
                    services:
                      web:
                        image: nginx:1.27.0-alpine
                        extends:
                          file: ../common/base.yaml
                          service: hardened
                    """)
                .File("/repo/common/base.yaml", $$"""
                    services:
                      hardened:
                    {{Hardened.Replace("read_only: true", "read_only: false")}}
                    """)
                .AssertFindings("HARD2001@/repo/common/base.yaml:4:16");
        }

        [Fact]
        public void Chain_AcrossTwoFiles()
        {
            // The nested file: is relative to mid.yaml's folder, not to the project folder.
            new EngineHarness()
                .Compose(ComposePath, """
                    services:
                      web:
                        image: nginx:1.27.0-alpine
                        extends: {file: mid/mid.yaml, service: mid}
                    """)
                .File("/repo/app/mid/mid.yaml", """
                    services:
                      mid:
                        extends: {file: ../shared/base.yaml, service: base}
                        security_opt: [no-new-privileges:false]
                    """)
                .File("/repo/app/shared/base.yaml", $$"""
                    services:
                      base:
                    {{Hardened.Replace("cap_drop: [ALL]", "cap_drop: [NET_RAW]")}}
                    """)
                .AssertFindings(
                    "HARD3002@/repo/app/mid/mid.yaml:4:20",
                    "HARD3001@/repo/app/shared/base.yaml:6:5");
        }

        [Fact]
        public void Cycle_ReportedAtExtendsKeys()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      a:
                        extends: b
                        image: nginx:1.27.0-alpine
                    {{Hardened}}
                      b:
                        extends: a
                        image: nginx:1.27.0-alpine
                    {{Hardened}}
                    """)
                .AssertFindings(
                    "HARD0006@/repo/app/compose.yaml:3:5",
                    "HARD0006@/repo/app/compose.yaml:16:5");
        }

        [Fact]
        public void Cycle_SelfReference()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      a:
                        extends: a
                        image: nginx:1.27.0-alpine
                    {{Hardened}}
                    """)
                .AssertFindings("HARD0006@/repo/app/compose.yaml:3:5");
        }

        [Fact]
        public void Cycle_AcrossFiles()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        image: nginx:1.27.0-alpine
                        extends: {file: other.yaml, service: loop}
                    {{Hardened}}
                    """)
                .File("/repo/app/other.yaml", """
                    services:
                      loop:
                        extends: {file: other.yaml, service: loop}
                    """)
                .AssertFindings("HARD0006@/repo/app/other.yaml:3:5");
        }

        [Fact]
        public void MissingService_ReportedAtName()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        image: nginx:1.27.0-alpine
                        extends: nope
                    {{Hardened}}
                    """)
                .AssertFindings("HARD0006@/repo/app/compose.yaml:4:14");
        }

        [Fact]
        public void MissingServiceInFile_ReportedAtName()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        image: nginx:1.27.0-alpine
                        extends:
                          file: common.yaml
                          service: nope
                    {{Hardened}}
                    """)
                .File("/repo/app/common.yaml", "services:\n  hardened:\n    read_only: true\n")
                .AssertFindings("HARD0006@/repo/app/compose.yaml:6:16");
        }

        [Fact]
        public void MissingFile_ReportedAtFile()
        {
            new EngineHarness()
                .Compose(ComposePath, $$"""
                    services:
                      web:
                        image: nginx:1.27.0-alpine
                        extends:
                          file: missing.yaml
                          service: hardened
                    {{Hardened}}
                    """)
                .AssertFindings("HARD0006@/repo/app/compose.yaml:5:13");
        }

        [Fact]
        public void SecurityOpt_AppendedThroughExtends()
        {
            // app inherits everything; job's own security_opt is appended, so no-new-privileges stays on.
            new EngineHarness()
                .Compose(ComposePath, """
                    services:
                      app:
                        image: registry.example.com/app:1.4.2
                        extends:
                          file: common.yaml
                          service: hardened
                      job:
                        image: registry.example.com/job:1.4.2
                        extends:
                          file: common.yaml
                          service: hardened
                        cap_add:
                          - NET_BIND_SERVICE
                        security_opt:
                          - apparmor=my-profile
                    """)
                .File("/repo/app/common.yaml", """
                    services:
                      hardened:
                        user: "10001:10001"
                        read_only: true
                        tmpfs:
                          - /tmp:size=64m
                        cap_drop:
                          - ALL
                        security_opt:
                          - no-new-privileges:true
                        mem_limit: 256m
                        cpus: 0.5
                        pids_limit: 200
                        restart: unless-stopped
                    """)
                .AssertFindings();
        }

        [Fact]
        public void SecurityOpt_ExtendingFalseWins()
        {
            new EngineHarness()
                .Compose(ComposePath, """
                    services:
                      job:
                        image: registry.example.com/job:1.4.2
                        extends:
                          file: common.yaml
                          service: hardened
                        security_opt:
                          - no-new-privileges:false
                    """)
                .File("/repo/app/common.yaml", $$"""
                    services:
                      hardened:
                    {{Hardened}}
                    """)
                .AssertFindings("HARD3002@/repo/app/compose.yaml:8:9");
        }

        [Fact]
        public void BuildContext_RelativeToExtendedFile()
        {
            // ./api in /repo/shared/compose.base.yaml is /repo/shared/api, not /repo/app/api.
            new EngineHarness()
                .Compose(ComposePath, """
                    services:
                      web:
                        extends:
                          file: ../shared/compose.base.yaml
                          service: api
                    """)
                .File("/repo/shared/compose.base.yaml", $$"""
                    services:
                      api:
                        build: ./api
                    {{HardenedBuild}}
                    """)
                .File("/repo/shared/api/Dockerfile", "FROM alpine:3.20\nRUN apk add --no-cache curl\n")
                .File("/repo/app/api/Dockerfile", "# wrong folder\nFROM alpine:3.20\n")
                .AssertFindings("HARD1001@/repo/shared/api/Dockerfile:1:1");
        }
    }
}
