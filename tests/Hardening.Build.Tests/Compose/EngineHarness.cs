using System.Collections.Generic;
using System.Linq;
using Hardening.Build.Compose;
using Hardening.Build.Tests.Support;
using Xunit;

namespace Hardening.Build.Tests.Compose
{
    /// <summary>
    /// Runs <see cref="HardeningEngine.Check"/> over files held in memory and compares every finding as
    /// "CODE@file:line:column", in the engine's order.
    /// </summary>
    internal sealed class EngineHarness
    {
        /// <summary>
        /// Service settings that pass every Compose rule, indented for a service: append them after a
        /// service's own lines so only the setting under test gives findings.
        /// </summary>
        public const string Hardened =
            "    user: \"10001:10001\"\n" +
            "    read_only: true\n" +
            "    tmpfs: [\"/tmp:size=64m\"]\n" +
            "    cap_drop: [ALL]\n" +
            "    security_opt: [no-new-privileges:true]\n" +
            "    mem_limit: 256m\n" +
            "    cpus: 0.5\n" +
            "    pids_limit: 200\n" +
            "    restart: unless-stopped\n" +
            "    healthcheck: {test: [CMD, /app/healthcheck]}";

        /// <summary><see cref="Hardened"/> without <c>user:</c>, for services whose Dockerfile decides the user.</summary>
        public const string HardenedBuild =
            "    read_only: true\n" +
            "    tmpfs: [\"/tmp:size=64m\"]\n" +
            "    cap_drop: [ALL]\n" +
            "    security_opt: [no-new-privileges:true]\n" +
            "    mem_limit: 256m\n" +
            "    cpus: 0.5\n" +
            "    pids_limit: 200\n" +
            "    restart: unless-stopped\n" +
            "    healthcheck: {test: [CMD, /app/healthcheck]}";

        private readonly List<InputFile> _inputs = new List<InputFile>();

        public MemoryFileSystem Files { get; } = new MemoryFileSystem();

        public List<ComposeProjectSpec> Projects { get; } = new List<ComposeProjectSpec>();

        public Dictionary<string, string> Environment { get; } = new Dictionary<string, string>();

        public string? DockerComposeProjectPath { get; set; }

        public string? ProjectDirectory { get; set; }

        /// <summary>Adds a Compose file that MSBuild passes to the task.</summary>
        public EngineHarness Compose(string path, string text)
        {
            Files.Add(path, text);
            _inputs.Add(new InputFile(path, InputKind.Compose));
            return this;
        }

        /// <summary>Adds a Dockerfile that MSBuild passes to the task.</summary>
        public EngineHarness Dockerfile(string path, string text)
        {
            Files.Add(path, text);
            _inputs.Add(new InputFile(path, InputKind.Dockerfile));
            return this;
        }

        /// <summary>Adds a file that only references reach: an extended or included file, a .env, a Dockerfile.</summary>
        public EngineHarness File(string path, string text)
        {
            Files.Add(path, text);
            return this;
        }

        public CheckResult Check()
        {
            var request = new CheckRequest(_inputs.ToArray())
            {
                FileSystem = Files,
                ComposeProjects = Projects.ToArray(),
                DockerComposeProjectPath = DockerComposeProjectPath,
                Environment = Environment,
                ProjectDirectory = ProjectDirectory,
            };
            return HardeningEngine.Check(request);
        }

        /// <summary>Runs the engine and asserts exactly these findings.</summary>
        public CheckResult AssertFindings(params string[] expected)
        {
            CheckResult result = Check();
            Assert.Equal(expected, result.Findings.Select(Describe).ToArray());
            return result;
        }

        public static string Describe(Finding finding) =>
            $"{finding.Code}@{finding.Location.FilePath}:{finding.Location.Line}:{finding.Location.Column}";
    }
}
