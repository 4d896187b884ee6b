using Hardening.Build.Configuration;
using Hardening.Build.Tests.Support;
using Xunit;

namespace Hardening.Build.Tests.Configuration
{
    public class EditorConfigResolverTests
    {
        private const string Key = "dotnet_diagnostic.HARD2001.severity";

        [Fact]
        public void NearerFile_WinsOverParent()
        {
            var files = new MemoryFileSystem()
                .Add("/repo/.editorconfig", "[*.yml]\ndotnet_diagnostic.HARD2001.severity = error\n")
                .Add("/repo/app/.editorconfig", "[*.yml]\ndotnet_diagnostic.HARD2001.severity = none\n");

            EditorConfigProperty? property = new EditorConfigResolver(files).Resolve("/repo/app/compose.yml").Get(Key);

            Assert.NotNull(property);
            Assert.Equal("none", property!.Value);
            Assert.Equal("/repo/app/.editorconfig", property.Location.FilePath);
            Assert.Equal(2, property.Location.Line);
            Assert.Equal(39, property.Location.Column);
        }

        [Fact]
        public void SameFileChangedText_ParsedAgain()
        {
            const string path = "/cache-test/.editorconfig";
            const string first = "[*.yml]\ndotnet_diagnostic.HARD2001.severity = error\n";
            const string second = "[*.yml]\ndotnet_diagnostic.HARD2001.severity = none\n";

            EditorConfigFile parsed = EditorConfigFile.Parse(path, first);
            EditorConfigFile again = EditorConfigFile.Parse(path, string.Concat("[*.yml]\n", "dotnet_diagnostic.HARD2001.severity = error\n"));
            EditorConfigFile changed = EditorConfigFile.Parse(path, second);

            Assert.Same(parsed, again);
            Assert.Equal("error", parsed.Sections[0].Properties[0].Value);
            Assert.Equal("none", changed.Sections[0].Properties[0].Value);
            Assert.Equal("error", EditorConfigFile.Parse(path, first).Sections[0].Properties[0].Value);
        }

        [Fact]
        public void RootTrue_StopsSearch()
        {
            var files = new MemoryFileSystem()
                .Add("/repo/.editorconfig", "[*.yml]\ndotnet_diagnostic.HARD2001.severity = error\n")
                .Add("/repo/app/.editorconfig", "root = true\n[*.md]\nindent_size = 2\n");

            EditorConfigProperties properties = new EditorConfigResolver(files).Resolve("/repo/app/compose.yml");

            Assert.Null(properties.Get(Key));
            Assert.Empty(properties.AppliedSections);
        }

        [Fact]
        public void RootInSection_IsNotRoot()
        {
            var files = new MemoryFileSystem()
                .Add("/repo/.editorconfig", "[*.yml]\ndotnet_diagnostic.HARD2001.severity = error\n")
                .Add("/repo/app/.editorconfig", "[*.md]\nroot = true\n");

            EditorConfigProperty? property = new EditorConfigResolver(files).Resolve("/repo/app/compose.yml").Get(Key);

            Assert.Equal("error", property?.Value);
        }

        [Fact]
        public void LaterSection_WinsInFile()
        {
            var files = new MemoryFileSystem().Add(
                "/repo/.editorconfig",
                "root = true\n[*.yml]\ndotnet_diagnostic.HARD2001.severity = error\n[compose.yml]\ndotnet_diagnostic.HARD2001.severity = suggestion\n");

            EditorConfigProperties properties = new EditorConfigResolver(files).Resolve("/repo/compose.yml");

            Assert.Equal("suggestion", properties.Get(Key)?.Value);
            Assert.Equal(new[] { "/repo/.editorconfig:2 [*.yml]", "/repo/.editorconfig:4 [compose.yml]" }, properties.AppliedSections);
        }

        [Fact]
        public void KeyCase_Ignored()
        {
            var files = new MemoryFileSystem().Add("/repo/.editorconfig", "[*]\nDotNet_Diagnostic.hard2001.Severity=  Error  \n");

            EditorConfigProperty? property = new EditorConfigResolver(files).Resolve("/repo/compose.yml").Get(Key);

            Assert.Equal("Error", property?.Value);
        }

        [Fact]
        public void SlashPattern_RelativeToFileFolder()
        {
            var files = new MemoryFileSystem().Add("/repo/.editorconfig", "[deploy/*.yml]\ndotnet_diagnostic.HARD2001.severity = error\n");
            var resolver = new EditorConfigResolver(files);

            Assert.Equal("error", resolver.Resolve("/repo/deploy/compose.yml").Get(Key)?.Value);
            Assert.Null(resolver.Resolve("/repo/app/deploy/compose.yml").Get(Key));
        }

        [Fact]
        public void Comments_Ignored()
        {
            var files = new MemoryFileSystem().Add(
                "/repo/.editorconfig",
                "# top\n; also\n[*]\n# dotnet_diagnostic.HARD2001.severity = none\ndotnet_diagnostic.HARD2001.severity = warning # trailing\n");

            EditorConfigProperty? property = new EditorConfigResolver(files).Resolve("/repo/compose.yml").Get(Key);

            Assert.Equal("warning", property?.Value);
            Assert.Equal(5, property?.Location.Line);
        }
    }
}
