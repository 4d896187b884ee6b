using System.Collections.Generic;
using System.Linq;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Rules.User;

namespace Hardening.Build.Tests.Dockerfile
{
    internal static class DockerfileTestHelpers
    {
        public const string FilePath = "/src/app/Dockerfile";

        /// <summary>Joins lines with LF, so that line numbers in tests match the array index plus one.</summary>
        public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

        public static DockerfileDocument Parse(string text) => DockerfileDocument.Parse(FilePath, text);

        public static UserResolution FinalUser(string text, IReadOnlyDictionary<string, string>? buildArgs = null)
        {
            DockerfileDocument document = Parse(text);
            return document.ResolveUser(document.FinalStage!, buildArgs);
        }

        public static List<Finding> RunRule(string text)
        {
            var project = new ProjectModel(new[] { Parse(text) }, new global::Hardening.Build.Compose.ComposeProject[0]);
            return new HARD1001RunsAsRoot().Check(project).ToList();
        }
    }
}
