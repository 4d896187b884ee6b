using System.Collections.Generic;
using Hardening.Build.Compose;
using Xunit;
using static Hardening.Build.Tests.Compose.EngineHarness;

namespace Hardening.Build.Tests.Compose
{
    public class ComposeDotEnvTests
    {
        private const string ComposePath = "/repo/app/compose.yaml";

        private const string EnvPath = "/repo/app/.env";

        // read_only is on line 5, and its value starts at column 16.
        private static readonly string ReadOnlyFromVariable = $$"""
            services:
              web:
                image: nginx:1.27.0-alpine
            {{Hardened.Replace("read_only: true", "read_only: ${RO}")}}
            """;

        private static EngineHarness WithEnv(string env) =>
            new EngineHarness().Compose(ComposePath, ReadOnlyFromVariable).File(EnvPath, env);

        [Theory]
        [InlineData("RO=false\n")]
        [InlineData("export RO=false\n")]
        [InlineData("RO: false\n")]
        [InlineData("RO = false\n")]
        [InlineData("# RO=true\n\nRO=false\n")]
        [InlineData("  # indented comment\nRO=false\n")]
        [InlineData("RO=false # not true\n")]
        [InlineData("RO='false'\n")]
        [InlineData("RO=\"false\"\n")]
        [InlineData("RO=\"false\" # comment after the quote\n")]
        [InlineData("BASE=false\nRO=${BASE}\n")]
        [InlineData("RO=${UNSET_HERE:-false}\n")]
        [InlineData("RO=false\r\n")]
        public void Value_ReadAsFalse(string env)
        {
            WithEnv(env).AssertFindings("HARD2001@/repo/app/compose.yaml:5:16");
        }

        [Theory]
        [InlineData("RO=false#x\n")]
        [InlineData("RO='${BASE}'\nBASE=false\n")]
        public void Value_KeptLiterally(string env)
        {
            // 'false#x' and '${BASE}' are not booleans, so Compose rejects read_only.
            WithEnv(env).AssertFindings("HARD0004@/repo/app/compose.yaml:5:16");
        }

        [Fact]
        public void DoubleQuoted_InterpolatesEarlierKey()
        {
            WithEnv("BASE=false\nRO=\"${BASE}\"\n").AssertFindings("HARD2001@/repo/app/compose.yaml:5:16");
        }

        [Fact]
        public void MultiLineValue_LaterLinesCounted()
        {
            WithEnv("NOTE=\"first\nsecond\"\nRO=false\nnot valid\n")
                .AssertFindings(
                    "HARD0002@/repo/app/.env:4:1");
        }

        [Fact]
        public void InvalidLine_ReportedAtItsLine()
        {
            WithEnv("RO=false\n\nKEY WITH SPACE=1\n")
                .AssertFindings(
                    "HARD0002@/repo/app/.env:3:1");
        }

        [Fact]
        public void UnclosedQuote_ReportedAtOpeningLine()
        {
            WithEnv("RO=false\nNOTE=\"open\nmore\n")
                .AssertFindings(
                    "HARD0002@/repo/app/.env:2:1");
        }

        [Fact]
        public void Environment_WinsOverEnvFile()
        {
            EngineHarness harness = WithEnv("RO=true\n");
            harness.Environment["RO"] = "false";

            harness.AssertFindings("HARD2001@/repo/app/compose.yaml:5:16");
        }

        [Fact]
        public void InvalidEnvFile_ServicesNotChecked()
        {
            EngineHarness harness = WithEnv("not valid\n");
            harness.Environment["RO"] = "false";

            harness.AssertFindings("HARD0002@/repo/app/.env:1:1");
        }

        [Fact]
        public void BareKey_TakenFromEnvironment()
        {
            EngineHarness harness = WithEnv("RO\n");
            harness.Environment["RO"] = "false";

            harness.AssertFindings("HARD2001@/repo/app/compose.yaml:5:16");
        }

        [Fact]
        public void BareKey_UnsetStaysUnset()
        {
            WithEnv("RO\n").AssertFindings("HARD0005@/repo/app/compose.yaml:5:16");
        }

        [Fact]
        public void Unset_UnresolvedNotMissing()
        {
            new EngineHarness()
                .Compose(ComposePath, ReadOnlyFromVariable)
                .AssertFindings("HARD0005@/repo/app/compose.yaml:5:16");
        }

        [Fact]
        public void EnvValueOnUnsetVariable_StaysUnset()
        {
            WithEnv("RO=${MISSING}\n").AssertFindings("HARD0005@/repo/app/compose.yaml:5:16");
        }

        [Fact]
        public void Parse_MultiLineAndEscapes()
        {
            DotEnvFile env = DotEnvFile.Parse(
                "A=\"one\ntwo\"\nB=\"tab\\there\"\nC='it\\'s'\nD='lit $X'\nE=\"\\$HOME\"\n",
                new Dictionary<string, string>());

            Assert.Null(env.Error);
            Assert.Equal("one\ntwo", env.Variables["A"]);
            Assert.Equal("tab\there", env.Variables["B"]);
            Assert.Equal("it's", env.Variables["C"]);
            Assert.Equal("lit $X", env.Variables["D"]);
            Assert.Equal("$HOME", env.Variables["E"]);
        }

        [Fact]
        public void Parse_InvalidLineNumber()
        {
            DotEnvFile env = DotEnvFile.Parse("A=1\n# note\nB=\"x\ny\"\n=2\n", new Dictionary<string, string>());

            Assert.NotNull(env.Error);
            Assert.Equal(5, env.ErrorLine);
        }

        private const string InterpolatedSettingsCompose = """
            services:
              app:
                image: registry.example.com/app:${APP_TAG:-1.4.2}
                user: "${APP_UID:-10001}"
                read_only: ${APP_READ_ONLY:-true}
                privileged: ${APP_PRIVILEGED:-false}
                tmpfs:
                  - /tmp
                cap_drop:
                  - ALL
                security_opt:
                  - no-new-privileges:${APP_NNP:-true}
                mem_limit: ${APP_MEM:-256m}
                cpus: ${APP_CPUS:-0.5}
            """;

        [Fact]
        public void Defaults_OnlyRestartMissing()
        {
            // Every default is safe. The file sets no PIDs limit, restart policy or tmpfs size, which
            // HARD5003, HARD8001 and HARD2007 suggest.
            new EngineHarness()
                .Compose(ComposePath, InterpolatedSettingsCompose)
                .AssertFindings(
                    "HARD5003@/repo/app/compose.yaml:2:3",
                    "HARD8001@/repo/app/compose.yaml:2:3",
                    "HARD2007@/repo/app/compose.yaml:8:9");
        }

        [Fact]
        public void DefaultsOverriddenByEnv()
        {
            // APP_TAG=latest gives HARD7001 at the image. privileged: true is reported by HARD3001
            // because it gives back the capabilities cap_drop removed, and by HARD3004 because it
            // turns off the container's isolation.
            new EngineHarness()
                .Compose(ComposePath, InterpolatedSettingsCompose)
                .File(EnvPath, "APP_PRIVILEGED=true\nAPP_TAG=latest\n")
                .AssertFindings(
                    "HARD5003@/repo/app/compose.yaml:2:3",
                    "HARD8001@/repo/app/compose.yaml:2:3",
                    "HARD7001@/repo/app/compose.yaml:3:12",
                    "HARD3001@/repo/app/compose.yaml:6:17",
                    "HARD3004@/repo/app/compose.yaml:6:17",
                    "HARD2007@/repo/app/compose.yaml:8:9");
        }

        [Fact]
        public void UnsetWithoutDefault_UnresolvedAtValue()
        {
            new EngineHarness()
                .Compose(ComposePath, InterpolatedSettingsCompose.Replace("${APP_MEM:-256m}", "${APP_MEM}"))
                .AssertFindings(
                    "HARD5003@/repo/app/compose.yaml:2:3",
                    "HARD8001@/repo/app/compose.yaml:2:3",
                    "HARD2007@/repo/app/compose.yaml:8:9",
                    "HARD0005@/repo/app/compose.yaml:13:16");
        }
    }
}
