using System.Collections.Generic;
using System.Linq;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Rules;
using Xunit;

namespace Hardening.Build.Tests.Support
{
    /// <summary>Loads Compose text from memory and runs one rule, or every rule, over it.</summary>
    internal static class ComposeHarness
    {
        public const string FilePath = "/repo/app/compose.yaml";

        public const string ProjectDirectory = "/repo/app";

        /// <summary>Loads one Compose file; <paramref name="environment"/> plays the shell's variables.</summary>
        public static ComposeProject Load(string yaml, IReadOnlyDictionary<string, string>? environment = null)
        {
            var fileSystem = new MemoryFileSystem().Add(FilePath, yaml);
            var spec = new ComposeProjectSpec("app", new[] { FilePath }, ProjectDirectory);
            return ComposeProjectLoader.Load(spec, fileSystem, environment ?? new Dictionary<string, string>());
        }

        /// <summary>The rule's findings plus the file's load diagnostics, in line order.</summary>
        public static List<Finding> Run(Rule rule, string yaml, IReadOnlyDictionary<string, string>? variables = null)
        {
            ComposeProject file = Load(yaml, variables);
            var project = new ProjectModel(new List<DockerfileDocument>(), new[] { file });
            return file.Diagnostics
                .Concat(rule.Check(project))
                .OrderBy(f => f.Location.Line)
                .ThenBy(f => f.Location.Column)
                .ToList();
        }

        /// <summary>Every rule of the catalogue, as the engine runs them.</summary>
        public static List<Finding> RunAll(string yaml)
        {
            ComposeProject file = Load(yaml);
            var project = new ProjectModel(new List<DockerfileDocument>(), new[] { file });
            return file.Diagnostics
                .Concat(RuleCatalog.All.SelectMany(rule => rule.Check(project)))
                .OrderBy(f => f.Location.Line)
                .ThenBy(f => f.Location.Column)
                .ToList();
        }

        /// <summary>Asserts exactly these findings, as "CODE@line:column" strings, in line order.</summary>
        public static void AssertFindings(IEnumerable<Finding> findings, params string[] expected)
        {
            string[] actual = findings.Select(Describe).ToArray();
            Assert.Equal(expected, actual);
        }

        public static string Describe(Finding finding) =>
            $"{finding.Code}@{finding.Location.Line}:{finding.Location.Column}";
    }
}
