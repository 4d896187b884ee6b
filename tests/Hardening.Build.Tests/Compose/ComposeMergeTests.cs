using System.Collections.Generic;
using System.Linq;
using Hardening.Build.Compose;
using Hardening.Build.Syntax.Yaml;
using Xunit;
using static Hardening.Build.Tests.Compose.EngineHarness;

namespace Hardening.Build.Tests.Compose
{
    public class ComposeMergeTests
    {
        private const string BasePath = "/repo/app/compose.yaml";

        private const string OverridePath = "/repo/app/compose.override.yaml";

        private static CheckResult Merge(string baseYaml, string overrideYaml, params string[] expected) =>
            new EngineHarness()
                .Compose(BasePath, baseYaml)
                .Compose(OverridePath, overrideYaml)
                .AssertFindings(expected);

        private static ComposeService LoadMerged(string baseYaml, string overrideYaml)
        {
            var files = new Support.MemoryFileSystem().Add(BasePath, baseYaml).Add(OverridePath, overrideYaml);
            var spec = new ComposeProjectSpec("app", new[] { BasePath, OverridePath }, "/repo/app");
            ComposeProject project = ComposeProjectLoader.Load(spec, files, new Dictionary<string, string>());
            Assert.Empty(project.Diagnostics);
            return Assert.Single(project.Services);
        }

        [Fact]
        public void Scalar_OverrideReplaces()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                {{Hardened}}
                """,
                """
                services:
                  web:
                    read_only: false
                """,
                "HARD2001@/repo/app/compose.override.yaml:3:16");
        }

        [Fact]
        public void Scalar_BaseValueKeptWhenNotOverridden()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                {{Hardened.Replace("read_only: true", "read_only: false")}}
                """,
                """
                services:
                  web:
                    image: nginx:1.27.1-alpine
                """,
                "HARD2001@/repo/app/compose.yaml:5:16");
        }

        [Fact]
        public void CapDrop_AppendedSoAllStays()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                {{Hardened}}
                """,
                """
                services:
                  web:
                    cap_drop: [NET_RAW]
                """);
        }

        [Fact]
        public void CapDrop_AllAddedByOverride()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                    cap_drop: [NET_RAW]
                {{Hardened.Replace("    cap_drop: [ALL]\n", string.Empty)}}
                """,
                """
                services:
                  web:
                    cap_drop: [ALL, NET_RAW]
                """);
        }

        [Fact]
        public void CapDrop_NeitherHasAll()
        {
            // The merged list keeps the base file's key, where the finding points.
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                    cap_drop: [NET_RAW]
                {{Hardened.Replace("    cap_drop: [ALL]\n", string.Empty)}}
                """,
                """
                services:
                  web:
                    cap_drop: [CHOWN]
                """,
                "HARD3001@/repo/app/compose.yaml:4:5");
        }

        [Fact]
        public void CapDrop_DeduplicatedByExactText()
        {
            ComposeService service = LoadMerged(
                "services:\n  web:\n    image: x:1\n    cap_drop: [NET_RAW, ALL]\n",
                "services:\n  web:\n    cap_drop: [ALL, all, NET_RAW, CHOWN]\n");

            string[] capabilities = service.Values("cap_drop").Select(value => value.Text).ToArray();

            Assert.Equal(new[] { "NET_RAW", "ALL", "all", "CHOWN" }, capabilities);
        }

        [Fact]
        public void SecurityOpt_LaterFalseWins()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                {{Hardened}}
                """,
                """
                services:
                  web:
                    security_opt:
                      - no-new-privileges=false
                """,
                "HARD3002@/repo/app/compose.override.yaml:4:9");
        }

        [Fact]
        public void SecurityOpt_AppendedWithoutDeduplication()
        {
            ComposeService service = LoadMerged(
                "services:\n  web:\n    image: x:1\n    security_opt: [no-new-privileges:true, label:disable]\n",
                "services:\n  web:\n    security_opt: [label:disable, no-new-privileges:true]\n");

            string[] options = service.Values("security_opt").Select(value => value.Text).ToArray();

            Assert.Equal(new[] { "no-new-privileges:true", "label:disable", "label:disable", "no-new-privileges:true" }, options);
        }

        [Fact]
        public void DeployLimits_DeepMerged()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                    deploy:
                      resources:
                        limits:
                          memory: 256m
                {{Hardened.Replace("    mem_limit: 256m\n    cpus: 0.5\n", string.Empty)}}
                """,
                """
                services:
                  web:
                    deploy:
                      replicas: 2
                      resources:
                        limits:
                          cpus: "0.5"
                """);
        }

        [Fact]
        public void DeployLimits_OverrideLeafReported()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                    deploy:
                      resources:
                        limits:
                          memory: 256m
                          cpus: "0.5"
                {{Hardened.Replace("    mem_limit: 256m\n    cpus: 0.5\n", string.Empty)}}
                """,
                """
                services:
                  web:
                    deploy:
                      resources:
                        limits:
                          memory: "0"
                """,
                "HARD5001@/repo/app/compose.override.yaml:6:19");
        }

        [Fact]
        public void Tmpfs_StringThenListKeepsTmp()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                    tmpfs: /tmp:size=64m
                {{Hardened.Replace("    tmpfs: [\"/tmp:size=64m\"]\n", string.Empty)}}
                """,
                """
                services:
                  web:
                    tmpfs: [/run:size=16m]
                """);
        }

        [Fact]
        public void Tmpfs_ListAddedToString()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                    tmpfs: /run:size=16m
                {{Hardened.Replace("    tmpfs: [\"/tmp:size=64m\"]\n", string.Empty)}}
                """,
                """
                services:
                  web:
                    tmpfs:
                      - /tmp:size=64m
                """);
        }

        [Fact]
        public void Tmpfs_NoTmpInEither()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                    tmpfs: /run:size=16m
                {{Hardened.Replace("    tmpfs: [\"/tmp:size=64m\"]\n", string.Empty)}}
                """,
                """
                services:
                  web:
                    tmpfs: [/var/run:size=16m]
                """,
                "HARD2002@/repo/app/compose.yaml:2:3");
        }

        [Fact]
        public void Tmpfs_SameSizeKeyReplaced()
        {
            ComposeService service = LoadMerged(
                "services:\n  web:\n    image: x:1\n    tmpfs: [/tmp:size=64m, /run]\n",
                "services:\n  web:\n    tmpfs: /tmp:size=128m\n");

            string[] mounts = service.Values("tmpfs").Select(value => value.Text).ToArray();

            Assert.Equal(new[] { "/tmp:size=128m", "/run" }, mounts);
        }

        [Fact]
        public void Volumes_ReplacedByTarget()
        {
            // The override's tmpfs at /tmp replaces the base's bind mount at the same target.
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                    volumes:
                      - ./scratch:/tmp
                      - data:/var/lib/app
                {{Hardened.Replace("    tmpfs: [\"/tmp:size=64m\"]\n", string.Empty)}}
                """,
                """
                services:
                  web:
                    volumes:
                      - type: tmpfs
                        target: /tmp
                        tmpfs: {size: 64m}
                """);
        }

        [Fact]
        public void Volumes_OtherTargetKept()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                    volumes:
                      - ./scratch:/tmp
                {{Hardened.Replace("    tmpfs: [\"/tmp:size=64m\"]\n", string.Empty)}}
                """,
                """
                services:
                  web:
                    volumes:
                      - type: tmpfs
                        target: /var/cache
                        tmpfs: {size: 64m}
                """,
                "HARD2003@/repo/app/compose.yaml:5:9");
        }

        [Fact]
        public void Environment_ListAndMappingMergedByKey()
        {
            ComposeService service = LoadMerged(
                "services:\n  web:\n    image: x:1\n    environment:\n      - A=1\n      - B=2\n",
                "services:\n  web:\n    environment:\n      B: 3\n      C: \"4\"\n");

            var merged = (YamlMapping)ComposeMerger.Normalize("environment", service.Entry("environment")!.Value);
            string[] pairs = merged.Entries.Select(entry => entry.Key.Value + "=" + ((YamlScalar)entry.Value).Value).ToArray();

            Assert.Equal(new[] { "A=1", "B=3", "C=4" }, pairs);
        }

        [Fact]
        public void Environment_MappingThenList()
        {
            ComposeService service = LoadMerged(
                "services:\n  web:\n    image: x:1\n    environment:\n      A: 1\n      B: 2\n",
                "services:\n  web:\n    environment:\n      - A=9\n");

            var merged = (YamlMapping)ComposeMerger.Normalize("environment", service.Entry("environment")!.Value);
            string[] pairs = merged.Entries.Select(entry => entry.Key.Value + "=" + ((YamlScalar)entry.Value).Value).ToArray();

            Assert.Equal(new[] { "A=9", "B=2" }, pairs);
        }

        [Fact]
        public void Reset_ReportedAsMissingAtServiceKey()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                {{Hardened}}
                """,
                """
                services:
                  web:
                    read_only: !reset null
                """,
                "HARD2001@/repo/app/compose.yaml:2:3");
        }

        [Fact]
        public void Reset_ListRemoved()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                {{Hardened}}
                """,
                """
                services:
                  web:
                    cap_drop: !reset []
                """,
                "HARD3001@/repo/app/compose.yaml:2:3");
        }

        [Fact]
        public void Override_ReplacesListWhole()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                {{Hardened}}
                """,
                """
                services:
                  web:
                    cap_drop: !override [NET_RAW]
                """,
                "HARD3001@/repo/app/compose.override.yaml:3:5");
        }

        [Fact]
        public void Override_SecurityOptReplaced()
        {
            Merge(
                $$"""
                services:
                  web:
                    image: nginx:1.27.0-alpine
                {{Hardened}}
                """,
                """
                services:
                  web:
                    security_opt: !override
                      - label:disable
                """,
                "HARD3002@/repo/app/compose.override.yaml:3:5",
                "HARD3006@/repo/app/compose.override.yaml:4:9");
        }

        [Fact]
        public void Build_StringMergedWithLongForm()
        {
            // The base's context and the override's dockerfile together name api/Dockerfile.prod.
            new EngineHarness()
                .Compose(BasePath, $$"""
                    services:
                      api:
                        build: ./api
                    {{HardenedBuild}}
                    """)
                .Compose(OverridePath, """
                    services:
                      api:
                        build:
                          dockerfile: Dockerfile.prod
                    """)
                .File("/repo/app/api/Dockerfile", "FROM alpine:3.20\nUSER 10001\n")
                .File("/repo/app/api/Dockerfile.prod", "FROM alpine:3.20\nRUN apk add --no-cache curl\n")
                .AssertFindings("HARD1001@/repo/app/api/Dockerfile.prod:1:1");
        }

        [Fact]
        public void BuildArgs_ListAndMappingMerged()
        {
            new EngineHarness()
                .Compose(BasePath, $$"""
                    services:
                      api:
                        build:
                          context: ./api
                          args:
                            - APP_UID=0
                    {{HardenedBuild}}
                    """)
                .Compose(OverridePath, """
                    services:
                      api:
                        build:
                          args:
                            APP_UID: "10001"
                    """)
                .File("/repo/app/api/Dockerfile", "FROM alpine:3.20\nARG APP_UID=0\nUSER ${APP_UID}\n")
                .AssertFindings();
        }

        [Fact]
        public void Documents_LaterWins()
        {
            new EngineHarness()
                .Compose(BasePath, $$"""
                    services:
                      web:
                        image: nginx:1.27.0-alpine
                    {{Hardened}}
                    ---
                    services:
                      web:
                        read_only: false
                    """)
                .AssertFindings("HARD2001@/repo/app/compose.yaml:17:16");
        }

        [Fact]
        public void Documents_LaterAddsService()
        {
            new EngineHarness()
                .Compose(BasePath, $$"""
                    services:
                      web:
                        image: nginx:1.27.0-alpine
                    {{Hardened}}
                    ---
                    services:
                      worker:
                        image: example/worker:1
                        user: "10001"
                    """)
                .AssertFindings(
                    "HARD2001@/repo/app/compose.yaml:16:3",
                    "HARD3001@/repo/app/compose.yaml:16:3",
                    "HARD3002@/repo/app/compose.yaml:16:3",
                    "HARD5001@/repo/app/compose.yaml:16:3",
                    "HARD5002@/repo/app/compose.yaml:16:3",
                    "HARD5003@/repo/app/compose.yaml:16:3",
                    "HARD8001@/repo/app/compose.yaml:16:3");
        }
    }
}
