using System.Linq;
using System.Text.Json;
using Hardening.Build.Reporting;
using Hardening.Build.Tests.Support;
using Xunit;
using static Hardening.Build.Tests.Support.EngineHarness;

namespace Hardening.Build.Tests.Reporting
{
    public class SarifLogWriterTests
    {
        private static JsonElement WriteAndParse(CheckResult result, string? projectDirectory = ProjectDirectory)
        {
            string json = SarifLogWriter.Write(result, projectDirectory, "1.2.3");
            Assert.DoesNotContain("\r", json);
            Assert.EndsWith("}\n", json);
            return JsonDocument.Parse(json).RootElement.Clone();
        }

        private static CheckResult CheckWithSuppression()
        {
            string yaml = ComposeWithoutReadOnly
                .Replace("  web:\n", "  # hardening-ignore HARD3001 -- needs NET_ADMIN\n  web:\n")
                .Replace("    cap_drop: [ALL]\n", "");
            var files = new MemoryFileSystem()
                .Add(ComposePath, yaml)
                .Add(DockerfilePath, "FROM alpine:3.20\nUSER root\n");
            return Check(files, ComposePath, DockerfilePath);
        }

        [Fact]
        public void RequiredFields_Present()
        {
            JsonElement log = WriteAndParse(CheckWithSuppression());

            Assert.Equal("2.1.0", log.GetProperty("version").GetString());
            Assert.Equal(SarifLogWriter.SchemaUri, log.GetProperty("$schema").GetString());
            JsonElement run = Assert.Single(log.GetProperty("runs").EnumerateArray());
            JsonElement driver = run.GetProperty("tool").GetProperty("driver");
            Assert.Equal("Hardening.Build", driver.GetProperty("name").GetString());
            Assert.Equal("1.2.3", driver.GetProperty("version").GetString());
            Assert.Equal("file:///repo/app/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        }

        [Fact]
        public void Rules_HaveMetadataAndIndex()
        {
            JsonElement run = WriteAndParse(CheckWithSuppression()).GetProperty("runs")[0];

            JsonElement[] rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
            string[] ids = rules.Select(r => r.GetProperty("id").GetString()!).ToArray();
            Assert.Equal(new[] { "HARD1001", "HARD2001", "HARD3001" }, ids);
            JsonElement hard2001 = rules[1];
            Assert.Equal("RootFilesystemIsWritable", hard2001.GetProperty("name").GetString());
            Assert.Equal("Root filesystem is writable", hard2001.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.StartsWith("Root filesystem is writable.", hard2001.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(RuleDescriptor.HelpBaseUri + "HARD2001.md", hard2001.GetProperty("helpUri").GetString());
            Assert.Equal("warning", hard2001.GetProperty("defaultConfiguration").GetProperty("level").GetString());

            foreach (JsonElement result in run.GetProperty("results").EnumerateArray())
            {
                int index = result.GetProperty("ruleIndex").GetInt32();
                Assert.Equal(result.GetProperty("ruleId").GetString(), ids[index]);
            }
        }

        [Fact]
        public void Results_HaveRelativeLocation()
        {
            JsonElement run = WriteAndParse(CheckWithSuppression()).GetProperty("runs")[0];

            JsonElement result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "HARD2001");
            Assert.Equal("warning", result.GetProperty("level").GetString());
            Assert.Contains("read_only", result.GetProperty("message").GetProperty("text").GetString());
            JsonElement location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.Equal("compose.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(3, location.GetProperty("region").GetProperty("startColumn").GetInt32());
            Assert.False(result.TryGetProperty("suppressions", out _));
        }

        [Fact]
        public void InlineSuppressed_HasJustification()
        {
            JsonElement run = WriteAndParse(CheckWithSuppression()).GetProperty("runs")[0];

            JsonElement result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "HARD3001");
            JsonElement suppression = Assert.Single(result.GetProperty("suppressions").EnumerateArray());
            Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
            Assert.Equal("needs NET_ADMIN", suppression.GetProperty("justification").GetString());
            Assert.Equal(3, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        }

        [Fact]
        public void Baselined_IsExternal()
        {
            var files = new MemoryFileSystem().Add(ComposePath, ComposeWithoutReadOnly);
            CheckRequest request = Request(files, ComposePath);
            request.UpdateBaseline = true;

            JsonElement run = WriteAndParse(HardeningEngine.Check(request)).GetProperty("runs")[0];

            JsonElement result = Assert.Single(run.GetProperty("results").EnumerateArray());
            Assert.Equal("external", result.GetProperty("suppressions")[0].GetProperty("kind").GetString());
        }

        [Fact]
        public void OutsideProject_AbsoluteUri()
        {
            const string shared = "/repo/deploy files/compose.yaml";
            var files = new MemoryFileSystem().Add(shared, ComposeWithoutReadOnly);

            JsonElement run = WriteAndParse(Check(files, shared)).GetProperty("runs")[0];

            JsonElement artifact = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("file:///repo/deploy%20files/compose.yaml", artifact.GetProperty("uri").GetString());
            Assert.False(artifact.TryGetProperty("uriBaseId", out _));
        }

        [Fact]
        public void SpanEnd_WrittenWhenKnown()
        {
            var files = new MemoryFileSystem().Add(ComposePath, "services:\n  web:\n    image: nginx: latest\n");

            JsonElement run = WriteAndParse(Check(files, ComposePath)).GetProperty("runs")[0];

            JsonElement region = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.Equal(3, region.GetProperty("startLine").GetInt32());
            Assert.True(region.TryGetProperty("endLine", out JsonElement endLine));
            Assert.Equal(3, endLine.GetInt32());
        }

        [Fact]
        public void NoFindings_EmptyResults()
        {
            var files = new MemoryFileSystem().Add(DockerfilePath, "FROM alpine:3.20\nUSER 10001\n");

            JsonElement run = WriteAndParse(Check(files, DockerfilePath)).GetProperty("runs")[0];

            Assert.Empty(run.GetProperty("results").EnumerateArray());
            Assert.Empty(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray());
        }
    }
}
