using System.Collections.Generic;
using System.Linq;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Rules;

namespace Hardening.Build.Tests.Support
{
    /// <summary>Runs one rule over one Dockerfile parsed from memory, with no Compose file.</summary>
    internal static class DockerfileRuleHarness
    {
        public const string FilePath = "/src/app/Dockerfile";

        /// <summary>Joins lines with LF, so that line numbers in tests match the array index plus one.</summary>
        public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

        /// <summary>The rule's findings in line order; <paramref name="dockerIgnore"/> is the text of the context's .dockerignore.</summary>
        public static List<Finding> Run(Rule rule, string text, RuleSettings? settings = null, string? dockerIgnore = null)
        {
            DockerfileDocument document = DockerfileDocument.Parse(FilePath, text);
            document.DockerIgnore = dockerIgnore == null ? DockerIgnore.Missing : DockerIgnore.Parse("/src/app/.dockerignore", dockerIgnore);
            var project = new ProjectModel(new[] { document }, new ComposeProject[0], new ServiceBuildLink[0], settings);
            return rule.Check(project)
                .OrderBy(f => f.Location.Line)
                .ThenBy(f => f.Location.Column)
                .ToList();
        }

        /// <summary>The findings as "CODE@line:column" strings.</summary>
        public static string[] Describe(IEnumerable<Finding> findings) => findings.Select(ComposeHarness.Describe).ToArray();
    }
}
