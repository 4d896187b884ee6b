using System.Collections.Generic;
using System.Linq;
using Hardening.Build.Dockerfiles;
using Xunit;

namespace Hardening.Build.Tests.Support
{
    /// <summary>Runs the engine on a project file held in memory with the given MSBuild properties.</summary>
    internal static class SdkProjectHarness
    {
        public const string ProjectPath = "/repo/app/App.csproj";

        /// <summary>A project file that writes each property on its own line, from line 3 on, at column 5.</summary>
        public static string ProjectText(IReadOnlyDictionary<string, string> properties)
        {
            var lines = new List<string> { "<Project Sdk=\"Microsoft.NET.Sdk.Web\">", "  <PropertyGroup>" };
            foreach (KeyValuePair<string, string> property in properties)
            {
                lines.Add($"    <{property.Key}>{property.Value}</{property.Key}>");
            }

            lines.Add("  </PropertyGroup>");
            lines.Add("</Project>");
            return string.Join("\n", lines) + "\n";
        }

        /// <summary>
        /// Checks a project whose file writes <paramref name="written"/> and whose evaluated properties are
        /// those plus <paramref name="evaluated"/>, as the SDK's defaults or a Directory.Build.props add them.
        /// </summary>
        public static List<Finding> Run(
            IReadOnlyDictionary<string, string> written,
            IReadOnlyDictionary<string, string>? evaluated = null,
            BaseImageCatalog? catalog = null)
        {
            var properties = new Dictionary<string, string>(written);
            foreach (KeyValuePair<string, string> property in evaluated ?? new Dictionary<string, string>())
            {
                properties[property.Key] = property.Value;
            }

            var request = new CheckRequest(new InputFile[0])
            {
                FileSystem = new MemoryFileSystem().Add(ProjectPath, ProjectText(written)),
                Settings = new RuleSettings
                {
                    Catalog = catalog ?? BaseImageCatalog.Default,
                    ProjectFilePath = ProjectPath,
                    ProjectProperties = properties,
                },
            };
            return HardeningEngine.Check(request).Findings.ToList();
        }

        public static void AssertFindings(IEnumerable<Finding> findings, params string[] expected)
        {
            Assert.Equal(expected, findings.Select(f => $"{f.Code}@{f.Location.FilePath}:{f.Location.Line}:{f.Location.Column}").ToArray());
        }
    }
}
