using System.Linq;
using Hardening.Build.Tests.Support;
using Xunit;
using static Hardening.Build.Tests.Support.EngineHarness;

namespace Hardening.Build.Tests.Configuration
{
    public class SuppressionTests
    {
        private const string FromAspNet = "FROM mcr.microsoft.com/dotnet/aspnet:10.0";

        [Fact]
        public void DockerfileNoUser_ReportedAtFrom()
        {
            var files = new MemoryFileSystem().Add(DockerfilePath, FromAspNet + "\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n");

            AssertReported(Check(files, DockerfilePath), "HARD1001@1:1 warning");
        }

        [Fact]
        public void DockerfileLineBefore_SuppressesMissingUser()
        {
            var files = new MemoryFileSystem().Add(
                DockerfilePath,
                "# hardening-ignore HARD1001 -- the entrypoint drops privileges itself\n" + FromAspNet + "\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n");

            CheckResult result = Check(files, DockerfilePath);

            AssertReported(result);
            AssertSuppressed(result, "HARD1001@2:1 warning");
            FindingSuppression suppression = result.SuppressedFindings[0].Suppression!;
            Assert.Equal(SuppressionKind.InSource, suppression.Kind);
            Assert.Equal("the entrypoint drops privileges itself", suppression.Justification);
            Assert.Equal(1, suppression.Location!.Value.Line);
            Assert.Equal(1, suppression.Location!.Value.Column);
        }

        [Fact]
        public void DockerfileStackedComments_ReachNextInstruction()
        {
            var files = new MemoryFileSystem().Add(
                DockerfilePath,
                "FROM alpine:3.20 AS build\n# hardening-ignore HARD1001\n# the final stage\n" + FromAspNet + "\n");

            CheckResult result = Check(files, DockerfilePath);

            AssertReported(result);
            AssertSuppressed(result, "HARD1001@4:1 warning");
        }

        [Fact]
        public void DockerfileBlankLine_EndsReach()
        {
            var files = new MemoryFileSystem().Add(DockerfilePath, "# hardening-ignore HARD1001\n\n" + FromAspNet + "\n");

            CheckResult result = Check(files, DockerfilePath);

            AssertReported(result, "HARD0008@1:1 suggestion", "HARD1001@3:1 warning");
        }

        [Fact]
        public void DockerfileHashInInstruction_IsNotComment()
        {
            var files = new MemoryFileSystem().Add(
                DockerfilePath,
                "FROM alpine:3.20\nRUN echo 1 # hardening-ignore HARD1001\nUSER root\n");

            AssertReported(Check(files, DockerfilePath), "HARD1001@3:1 warning");
        }

        [Fact]
        public void DockerfileHeredocLine_IsNotComment()
        {
            var files = new MemoryFileSystem().Add(
                DockerfilePath,
                "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN <<EOF\n# hardening-ignore HARD1001\nEOF\nUSER root\n");

            AssertReported(Check(files, DockerfilePath), "HARD1001@6:1 warning");
        }

        [Fact]
        public void DockerfileFileLevel_SuppressesAnywhere()
        {
            var files = new MemoryFileSystem().Add(
                DockerfilePath,
                "FROM alpine:3.20\nUSER root\n# hardening-ignore-file HARD1001 -- test image\n");

            CheckResult result = Check(files, DockerfilePath);

            AssertReported(result);
            AssertSuppressed(result, "HARD1001@2:1 warning");
            Assert.Equal("test image", result.SuppressedFindings[0].Suppression!.Justification);
        }

        [Fact]
        public void YamlServiceKey_SuppressedFromLineBefore()
        {
            string yaml = ComposeWithoutReadOnly.Replace("  web:\n", "  # hardening-ignore HARD2001 -- writes to /var/cache\n  web:\n");
            var files = new MemoryFileSystem().Add(ComposePath, yaml);

            CheckResult result = Check(files, ComposePath);

            AssertReported(result);
            AssertSuppressed(result, "HARD2001@3:3 warning");
        }

        [Fact]
        public void YamlSameLine_Suppresses()
        {
            string yaml = ComposeWithoutReadOnly.Replace("    image: nginx:1.27\n", "    image: nginx:1.27\n    read_only: false  # hardening-ignore HARD2001\n");
            var files = new MemoryFileSystem().Add(ComposePath, yaml);

            CheckResult result = Check(files, ComposePath);

            AssertReported(result);
            AssertSuppressed(result, "HARD2001@4:16 warning");
            Assert.Null(result.SuppressedFindings[0].Suppression!.Justification);
        }

        [Fact]
        public void YamlCommas_SeparateCodes()
        {
            string yaml = "services:\n  # hardening-ignore HARD2001,HARD8001, HARD3002\n  web:\n    image: nginx:1.27\n";
            var files = new MemoryFileSystem().Add(ComposePath, yaml);

            CheckResult result = Check(files, ComposePath);

            Assert.DoesNotContain(result.Findings, f => f.Code == "HARD2001" || f.Code == "HARD8001" || f.Code == "HARD3002" || f.Code == "HARD0008");
            Assert.Equal(new[] { "HARD2001", "HARD3002", "HARD8001" }, result.SuppressedFindings.Select(f => f.Code).ToArray());
        }

        [Fact]
        public void YamlHashInQuotedValue_IsNotComment()
        {
            string yaml = ComposeWithoutReadOnly.Replace("    image: nginx:1.27\n", "    image: nginx:1.27\n    command: \"echo # hardening-ignore HARD2001\"\n");
            var files = new MemoryFileSystem().Add(ComposePath, yaml);

            AssertReported(Check(files, ComposePath), "HARD2001@2:3 warning");
        }

        [Fact]
        public void YamlFileLevel_Suppresses()
        {
            string yaml = "# hardening-ignore-file HARD2001 -- local development only\n" + ComposeWithoutReadOnly;
            var files = new MemoryFileSystem().Add(ComposePath, yaml);

            CheckResult result = Check(files, ComposePath);

            AssertReported(result);
            AssertSuppressed(result, "HARD2001@3:3 warning");
        }

        [Fact]
        public void Unused_ReportedAtComment()
        {
            string yaml = ComposeWithoutReadOnly.Replace("    image: nginx:1.27\n", "    image: nginx:1.27  # hardening-ignore HARD5001\n");
            var files = new MemoryFileSystem().Add(ComposePath, yaml);

            CheckResult result = Check(files, ComposePath);

            AssertReported(result, "HARD2001@2:3 warning", "HARD0008@3:24 suggestion");
            Finding unused = result.Findings[1];
            Assert.Equal(ComposePath, unused.Location.FilePath);
            Assert.Contains("HARD5001", unused.Message);
        }

        [Fact]
        public void PartlyUsed_ReportsUnusedCode()
        {
            string yaml = ComposeWithoutReadOnly.Replace("  web:\n", "    # hardening-ignore HARD2001 HARD5001\n  web:\n");
            var files = new MemoryFileSystem().Add(ComposePath, yaml);

            CheckResult result = Check(files, ComposePath);

            AssertReported(result, "HARD0008@2:5 suggestion");
            Assert.Contains("HARD5001", result.Findings[0].Message);
            Assert.DoesNotContain("HARD2001", result.Findings[0].Message);
        }

        [Fact]
        public void UnusedFileLevel_Reported()
        {
            var files = new MemoryFileSystem().Add(DockerfilePath, "FROM alpine:3.20\nUSER 10001\n# hardening-ignore-file HARD1001\n");

            CheckResult result = Check(files, DockerfilePath);

            AssertReported(result, "HARD0008@3:1 suggestion");
            Assert.Contains("in this file", result.Findings[0].Message);
        }

        [Fact]
        public void UnusedOutsideProject_NotReported()
        {
            const string shared = "/repo/compose.yaml";
            var files = new MemoryFileSystem().Add(shared, "services:\n  # hardening-ignore HARD5001\n  db:\n    image: postgres:17\n");

            CheckResult result = Check(files, shared);

            Assert.DoesNotContain(result.Findings, f => f.Code == "HARD0008");
        }

        [Fact]
        public void InvalidToken_ReportedAsInvalidSetting()
        {
            var files = new MemoryFileSystem().Add(DockerfilePath, "FROM alpine:3.20\n  # hardening-ignore root-user\nUSER root\n");

            CheckResult result = Check(files, DockerfilePath);

            AssertReported(result, "HARD0009@2:3 warning", "HARD1001@3:1 warning");
            Assert.Contains("'root-user'", result.Findings[0].Message);
        }

        [Fact]
        public void BrokenYaml_NoUnusedReport()
        {
            string yaml = "services:\n  # hardening-ignore HARD2001\n  web:\n    image: nginx: latest\n  # hardening-ignore HARD5001\n";
            var files = new MemoryFileSystem().Add(ComposePath, yaml);

            CheckResult result = Check(files, ComposePath);

            AssertReported(result, "HARD0002@4:17 warning");
        }

        [Fact]
        public void OtherWord_IsPlainComment()
        {
            var files = new MemoryFileSystem().Add(DockerfilePath, "FROM alpine:3.20\n# hardening-ignored by nobody\nUSER root\n");

            AssertReported(Check(files, DockerfilePath), "HARD1001@3:1 warning");
        }

        [Fact]
        public void NoneSeverityFinding_StillUsesComment()
        {
            var files = new MemoryFileSystem()
                .Add(DockerfilePath, "FROM alpine:3.20\n# hardening-ignore HARD1001\nUSER root\n")
                .Add("/repo/.editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.HARD1001.severity = none\n");

            CheckResult result = Check(files, DockerfilePath);

            AssertReported(result);
            AssertSuppressed(result);
        }

        [Fact]
        public void UnusedSeverity_Configurable()
        {
            var files = new MemoryFileSystem()
                .Add(DockerfilePath, "FROM alpine:3.20\nUSER 10001\n# hardening-ignore-file HARD1001\n")
                .Add("/repo/.editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.HARD0008.severity = warning\n");

            AssertReported(Check(files, DockerfilePath), "HARD0008@3:1 warning");
        }

        [Fact]
        public void Details_ListSuppressions()
        {
            var files = new MemoryFileSystem().Add(DockerfilePath, "FROM alpine:3.20\n# hardening-ignore HARD1001 -- why\nUSER root\n");

            CheckResult result = Check(files, DockerfilePath);

            Assert.Contains("[suppression] /repo/app/Dockerfile(2,1): HARD1001 for line 3 -- why", result.Details);
        }
    }
}
