using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Hardening.Build.Tests.Support
{
    /// <summary>Runs the whole engine, configuration included, on files held in memory under /repo/app.</summary>
    internal static class EngineHarness
    {
        public const string ProjectDirectory = "/repo/app";

        public const string DockerfilePath = ProjectDirectory + "/Dockerfile";

        public const string ComposePath = ProjectDirectory + "/compose.yaml";

        /// <summary>A Compose service with every setting but read_only, so HARD2001 is its only finding, at line 2, column 3.</summary>
        public const string ComposeWithoutReadOnly =
            "services:\n" +
            "  web:\n" +
            "    image: nginx:1.27\n" +
            "    user: \"101\"\n" +
            "    tmpfs: [\"/tmp:size=64m\"]\n" +
            "    cap_drop: [ALL]\n" +
            "    security_opt: [\"no-new-privileges:true\"]\n" +
            "    restart: unless-stopped\n" +
            "    healthcheck: {test: [CMD, /app/healthcheck]}\n" +
            "    deploy:\n" +
            "      resources:\n" +
            "        limits:\n" +
            "          memory: 256m\n" +
            "          cpus: \"0.5\"\n" +
            "          pids: 200\n";

        public static CheckRequest Request(MemoryFileSystem files, params string[] inputs)
        {
            var inputFiles = inputs
                .Select(path => new InputFile(path, path.EndsWith(".yaml") || path.EndsWith(".yml") ? InputKind.Compose : InputKind.Dockerfile))
                .ToList();
            return new CheckRequest(inputFiles)
            {
                FileSystem = files,
                ProjectDirectory = ProjectDirectory,
            };
        }

        public static CheckResult Check(MemoryFileSystem files, params string[] inputs) => HardeningEngine.Check(Request(files, inputs));

        /// <summary>Describes findings as "CODE@line:column severity" strings.</summary>
        public static string[] Describe(IEnumerable<Finding> findings) =>
            findings.Select(f => $"{f.Code}@{f.Location.Line}:{f.Location.Column} {f.Severity.ToString().ToLowerInvariant()}").ToArray();

        public static void AssertReported(CheckResult result, params string[] expected) => Assert.Equal(expected, Describe(result.Findings));

        public static void AssertSuppressed(CheckResult result, params string[] expected) => Assert.Equal(expected, Describe(result.SuppressedFindings));
    }
}
