using System.Collections.Generic;
using Hardening.Build.Tests.Support;
using Xunit;
using static Hardening.Build.Tests.Support.EngineHarness;

namespace Hardening.Build.Tests.Configuration
{
    public class SeverityResolutionTests
    {
        [Fact]
        public void NoSetting_KeepsRuleDefault()
        {
            var files = new MemoryFileSystem().Add(ComposePath, ComposeWithoutReadOnly);

            AssertReported(Check(files, ComposePath), "HARD2001@2:3 warning");
        }

        [Theory]
        [InlineData("error", "HARD2001@2:3 error")]
        [InlineData("ERROR", "HARD2001@2:3 error")]
        [InlineData("suggestion", "HARD2001@2:3 suggestion")]
        [InlineData("warning", "HARD2001@2:3 warning")]
        [InlineData("default", "HARD2001@2:3 warning")]
        public void EditorConfig_SetsSeverity(string value, string expected)
        {
            var files = new MemoryFileSystem()
                .Add(ComposePath, ComposeWithoutReadOnly)
                .Add("/repo/.editorconfig", $"root = true\n[compose.yaml]\ndotnet_diagnostic.HARD2001.severity = {value}\n");

            AssertReported(Check(files, ComposePath), expected);
        }

        [Theory]
        [InlineData("none")]
        [InlineData("silent")]
        public void EditorConfigNone_DropsFinding(string value)
        {
            var files = new MemoryFileSystem()
                .Add(ComposePath, ComposeWithoutReadOnly)
                .Add("/repo/.editorconfig", $"root = true\n[*.yaml]\ndotnet_diagnostic.HARD2001.severity = {value}\n");

            CheckResult result = Check(files, ComposePath);

            AssertReported(result);
            AssertSuppressed(result);
        }

        [Fact]
        public void EditorConfigOtherFile_DoesNotApply()
        {
            var files = new MemoryFileSystem()
                .Add(ComposePath, ComposeWithoutReadOnly)
                .Add("/repo/.editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.HARD2001.severity = error\n");

            AssertReported(Check(files, ComposePath), "HARD2001@2:3 warning");
        }

        [Fact]
        public void Item_WinsOverEditorConfig()
        {
            var files = new MemoryFileSystem()
                .Add(ComposePath, ComposeWithoutReadOnly)
                .Add("/repo/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.HARD2001.severity = error\n");
            CheckRequest request = Request(files, ComposePath);
            request.RuleSeverities = new Dictionary<string, Severity?> { ["hard2001"] = Severity.Suggestion };

            AssertReported(HardeningEngine.Check(request), "HARD2001@2:3 suggestion");
        }

        [Fact]
        public void ItemDefault_ResetsEditorConfig()
        {
            var files = new MemoryFileSystem()
                .Add(ComposePath, ComposeWithoutReadOnly)
                .Add("/repo/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.HARD2001.severity = error\n");
            CheckRequest request = Request(files, ComposePath);
            request.RuleSeverities = new Dictionary<string, Severity?> { ["HARD2001"] = null };

            AssertReported(HardeningEngine.Check(request), "HARD2001@2:3 warning");
        }

        [Fact]
        public void UseEditorConfigFalse_IgnoresFile()
        {
            var files = new MemoryFileSystem()
                .Add(ComposePath, ComposeWithoutReadOnly)
                .Add("/repo/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.HARD2001.severity = error\n");
            CheckRequest request = Request(files, ComposePath);
            request.UseEditorConfig = false;

            AssertReported(HardeningEngine.Check(request), "HARD2001@2:3 warning");
        }

        [Fact]
        public void InvalidValue_ReportedAtValue()
        {
            var files = new MemoryFileSystem()
                .Add(ComposePath, ComposeWithoutReadOnly)
                .Add("/repo/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.HARD2001.severity = loud\n");

            CheckResult result = Check(files, ComposePath);

            Assert.Equal(new[] { "HARD0009@3:39 warning", "HARD2001@2:3 warning" }, Describe(Sorted(result.Findings)));
            Finding invalid = Assert.Single(result.Findings, f => f.Code == "HARD0009");
            Assert.Equal("/repo/.editorconfig", invalid.Location.FilePath);
            Assert.Contains("'loud'", invalid.Message);
        }

        [Fact]
        public void Details_NameSectionAndOverride()
        {
            var files = new MemoryFileSystem()
                .Add(ComposePath, ComposeWithoutReadOnly)
                .Add("/repo/.editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.HARD2001.severity = error\n");

            CheckResult result = Check(files, ComposePath);

            Assert.Contains("[editorconfig] /repo/app/compose.yaml: /repo/.editorconfig:2 [*.yaml]", result.Details);
            Assert.Contains("[severity] HARD2001 at /repo/app/compose.yaml(2,3): warning -> error, from /repo/.editorconfig(3,39)", result.Details);
            Assert.Equal(new[] { "/repo/.editorconfig" }, result.EditorConfigFiles);
        }

        private static IEnumerable<Finding> Sorted(IEnumerable<Finding> findings)
        {
            var list = new List<Finding>(findings);
            list.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
            return list;
        }
    }
}
