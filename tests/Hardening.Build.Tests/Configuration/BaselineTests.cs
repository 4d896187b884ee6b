using System;
using System.Linq;
using Hardening.Build.Configuration;
using Hardening.Build.Tests.Support;
using Xunit;
using static Hardening.Build.Tests.Support.EngineHarness;

namespace Hardening.Build.Tests.Configuration
{
    public class BaselineTests
    {
        private const string BaselinePath = ProjectDirectory + "/hardening-baseline.json";

        [Fact]
        public void Json_IsStableAndSorted()
        {
            var rule = new RuleDescriptor("HARD2001", "Root filesystem is writable", Severity.Warning);
            var other = new RuleDescriptor("HARD1001", "Container runs as root", Severity.Warning);
            Baseline baseline = Baseline.FromFindings(
                new[]
                {
                    new Finding(rule, new SourceLocation(ComposePath, 9, 3), "Service 'b' has \"quotes\"."),
                    new Finding(other, new SourceLocation(DockerfilePath, 1, 1), "Stage 'final' runs as root."),
                    new Finding(rule, new SourceLocation(ComposePath, 2, 3), "Service 'a'."),
                    new Finding(rule, new SourceLocation(ComposePath, 5, 3), "Service 'a'."),
                },
                ProjectDirectory);

            string expected =
                "{\n" +
                "  \"version\": 1,\n" +
                "  \"tool\": \"Hardening.Build\",\n" +
                "  \"findings\": [\n" +
                "    {\n" +
                "      \"code\": \"HARD1001\",\n" +
                "      \"file\": \"Dockerfile\",\n" +
                "      \"message\": \"Stage 'final' runs as root.\",\n" +
                "      \"count\": 1\n" +
                "    },\n" +
                "    {\n" +
                "      \"code\": \"HARD2001\",\n" +
                "      \"file\": \"compose.yaml\",\n" +
                "      \"message\": \"Service 'a'.\",\n" +
                "      \"count\": 2\n" +
                "    },\n" +
                "    {\n" +
                "      \"code\": \"HARD2001\",\n" +
                "      \"file\": \"compose.yaml\",\n" +
                "      \"message\": \"Service 'b' has \\\"quotes\\\".\",\n" +
                "      \"count\": 1\n" +
                "    }\n" +
                "  ]\n" +
                "}\n";
            Assert.Equal(expected, baseline.ToJson());
        }

        [Fact]
        public void Parse_ReadsWhatToJsonWrites()
        {
            var rule = new RuleDescriptor("HARD2001", "Root filesystem is writable", Severity.Warning);
            Baseline written = Baseline.FromFindings(
                new[] { new Finding(rule, new SourceLocation(ComposePath, 2, 3), "Tab\tand \\ and \u00e9.") },
                ProjectDirectory);

            Baseline read = Baseline.Parse(written.ToJson());

            BaselineEntry entry = Assert.Single(read.Entries);
            Assert.Equal("HARD2001", entry.Code);
            Assert.Equal("compose.yaml", entry.File);
            Assert.Equal("Tab\tand \\ and \u00e9.", entry.Message);
            Assert.Equal(1, entry.Count);
        }

        [Fact]
        public void LineNumbers_ReplacedInKey()
        {
            var rule = new RuleDescriptor("HARD0002", "Compose file cannot be parsed", Severity.Warning);
            Baseline baseline = Baseline.FromFindings(
                new[] { new Finding(rule, new SourceLocation(ComposePath, 7, 5), "Mapping key 'image' is already defined at line 4, column 5.") },
                ProjectDirectory);

            Assert.Equal("Mapping key 'image' is already defined at line N, column N.", Assert.Single(baseline.Entries).Message);
        }

        [Fact]
        public void ProjectFolder_RemovedFromMessage()
        {
            var rule = new RuleDescriptor("HARD0003", "File cannot be read", Severity.Warning);
            Baseline baseline = Baseline.FromFindings(
                new[] { new Finding(rule, new SourceLocation(DockerfilePath, 1, 1), $"File '{DockerfilePath}' was not found.") },
                ProjectDirectory);

            Assert.Equal("File 'Dockerfile' was not found.", Assert.Single(baseline.Entries).Message);
        }

        [Theory]
        [InlineData("[]")]
        [InlineData("{\"version\": 2, \"findings\": []}")]
        [InlineData("{\"version\": 1}")]
        [InlineData("{\"version\": 1, \"findings\": [{\"code\": \"HARD2001\"}]}")]
        [InlineData("{\"version\": 1, \"findings\": [{\"code\": \"A1\", \"file\": \"f\", \"message\": \"m\", \"count\": 0}]}")]
        [InlineData("{\"version\": 1, \"findings\": [}")]
        public void Parse_RejectsInvalid(string json)
        {
            Assert.Throws<FormatException>(() => Baseline.Parse(json));
        }

        [Fact]
        public void RoundTrip_SurvivesShiftedLines()
        {
            var files = new MemoryFileSystem().Add(ComposePath, ComposeWithoutReadOnly);
            CheckResult first = Check(files, ComposePath);
            string json = first.CurrentBaseline.ToJson();

            var shifted = new MemoryFileSystem()
                .Add(ComposePath, "# a comment\n\nx-common: &common\n  init: true\n" + ComposeWithoutReadOnly)
                .Add(BaselinePath, json);
            CheckRequest request = Request(shifted, ComposePath);
            request.BaselinePath = BaselinePath;
            CheckResult second = HardeningEngine.Check(request);

            AssertReported(first, "HARD2001@2:3 warning");
            AssertReported(second);
            AssertSuppressed(second, "HARD2001@6:3 warning");
            Assert.Equal(SuppressionKind.External, second.SuppressedFindings[0].Suppression!.Kind);
            Assert.Contains("[baseline] read 1 entries from " + BaselinePath, second.Details);
        }

        [Fact]
        public void NewService_Reported()
        {
            string twoServices = ComposeWithoutReadOnly + ComposeWithoutReadOnly.Replace("services:\n  web:", "  api:");
            var files = new MemoryFileSystem().Add(ComposePath, ComposeWithoutReadOnly);
            string json = Check(files, ComposePath).CurrentBaseline.ToJson();

            var grown = new MemoryFileSystem().Add(ComposePath, twoServices).Add(BaselinePath, json);
            CheckRequest request = Request(grown, ComposePath);
            request.BaselinePath = BaselinePath;
            CheckResult result = HardeningEngine.Check(request);

            AssertReported(result, "HARD2001@16:3 warning");
            AssertSuppressed(result, "HARD2001@2:3 warning");
        }

        [Fact]
        public void Count_LimitsMatches()
        {
            var rule = new RuleDescriptor("HARD2001", "Root filesystem is writable", Severity.Warning);
            var finding = new Finding(rule, new SourceLocation(ComposePath, 2, 3), "Same message.");
            Baseline baseline = Baseline.Parse(
                "{\"version\": 1, \"findings\": [{\"code\": \"HARD2001\", \"file\": \"compose.yaml\", \"message\": \"Same message.\", \"count\": 2}]}");

            Assert.True(baseline.TryConsume(finding, ProjectDirectory));
            Assert.True(baseline.TryConsume(finding, ProjectDirectory));
            Assert.False(baseline.TryConsume(finding, ProjectDirectory));
        }

        [Fact]
        public void UpdateBaseline_ReportsNothing()
        {
            var files = new MemoryFileSystem().Add(ComposePath, ComposeWithoutReadOnly);
            CheckRequest request = Request(files, ComposePath);
            request.BaselinePath = BaselinePath;
            request.UpdateBaseline = true;

            CheckResult result = HardeningEngine.Check(request);

            AssertReported(result);
            AssertSuppressed(result, "HARD2001@2:3 warning");
            Assert.Equal("HARD2001", Assert.Single(result.CurrentBaseline.Entries).Code);
        }

        [Fact]
        public void InlineSuppressed_NotInBaseline()
        {
            string yaml = ComposeWithoutReadOnly.Replace("  web:\n", "  # hardening-ignore HARD2001\n  web:\n");
            var files = new MemoryFileSystem().Add(ComposePath, yaml);

            CheckResult result = Check(files, ComposePath);

            Assert.Empty(result.CurrentBaseline.Entries);
        }

        [Fact]
        public void InvalidFile_ReportedAtStart()
        {
            var files = new MemoryFileSystem().Add(ComposePath, ComposeWithoutReadOnly).Add(BaselinePath, "not json");
            CheckRequest request = Request(files, ComposePath);
            request.BaselinePath = BaselinePath;

            CheckResult result = HardeningEngine.Check(request);

            Assert.Equal(new[] { "HARD2001@2:3 warning", "HARD0009@1:1 warning" }, Describe(result.Findings));
            Assert.Equal(BaselinePath, result.Findings[1].Location.FilePath);
        }
    }
}
