using System;
using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Files;

namespace Hardening.Build
{
    public enum InputKind
    {
        Dockerfile,
        Compose,
    }

    /// <summary>A file to check and how to read it.</summary>
    public sealed class InputFile
    {
        public InputFile(string path, InputKind kind)
        {
            Path = path;
            Kind = kind;
        }

        /// <summary>Absolute path.</summary>
        public string Path { get; }

        public InputKind Kind { get; }
    }

    public sealed class CheckRequest
    {
        public CheckRequest(IReadOnlyList<InputFile> files)
        {
            Files = files;
        }

        public IReadOnlyList<InputFile> Files { get; }

        /// <summary>Files larger than this are reported with HARD0003 and not parsed.</summary>
        public long MaxFileBytes { get; set; } = SourceFileReader.DefaultMaxFileBytes;

        /// <summary>
        /// Compose projects declared by the user, each the equivalent of <c>docker compose -f a.yml -f b.yml</c>.
        /// Their files need not be among <see cref="Files"/>.
        /// </summary>
        public IReadOnlyList<ComposeProjectSpec> ComposeProjects { get; set; } = new ComposeProjectSpec[0];

        /// <summary>A Visual Studio docker-compose.dcproj whose Compose files form one project; null when none.</summary>
        public string? DockerComposeProjectPath { get; set; }

        /// <summary>
        /// Variables that win over each project's .env file, as the shell environment does for Docker
        /// Compose. Empty by default, so a build gives the same findings on every machine.
        /// </summary>
        public IReadOnlyDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

        /// <summary>
        /// The MSBuild project's folder. Services of a Compose file outside it are checked only when they
        /// build a Dockerfile inside it, so projects that share a Compose file do not repeat each other's findings.
        /// </summary>
        public string? ProjectDirectory { get; set; }

        /// <summary>The project's declared base images, opt-in policies and properties the rules read.</summary>
        public RuleSettings Settings { get; set; } = RuleSettings.Default;

        /// <summary>
        /// The folder that references in checked files may not leave: <c>extends</c>, <c>include</c> and
        /// <c>env_file</c> of an include, a build's Dockerfile, and symbolic links. A reference that leads
        /// outside it gets HARD0006 and is not read. The files in <see cref="Files"/> are read wherever
        /// they are, unless a symbolic link leads them outside (HARD0003). Null turns the boundary off.
        /// </summary>
        public string? RepositoryRoot { get; set; }

        /// <summary>Reads the files. When null, <see cref="HardeningEngine.Check"/> sets a disk file system that reads each file once.</summary>
        public IFileSystem? FileSystem { get; set; }

        /// <summary>
        /// Severities from HardeningRule items, by code. They win over .editorconfig. A null value is
        /// <c>default</c>: the severity the rule gives.
        /// </summary>
        public IReadOnlyDictionary<string, Severity?> RuleSeverities { get; set; } =
            new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Whether <c>dotnet_diagnostic.CODE.severity</c> in the .editorconfig files of each checked file applies.</summary>
        public bool UseEditorConfig { get; set; } = true;

        /// <summary>The baseline file read when it exists; null for none.</summary>
        public string? BaselinePath { get; set; }

        /// <summary>
        /// Whether every current finding counts as baselined, because the caller is about to write
        /// <see cref="CheckResult.CurrentBaseline"/> to <see cref="BaselinePath"/>.
        /// </summary>
        public bool UpdateBaseline { get; set; }
    }

    public sealed class CheckResult
    {
        public CheckResult(IReadOnlyList<Finding> findings, int dockerfileCount, int composeFileCount, int serviceCount)
        {
            Findings = findings;
            DockerfileCount = dockerfileCount;
            ComposeFileCount = composeFileCount;
            ServiceCount = serviceCount;
        }

        /// <summary>Every finding and input diagnostic, ordered by file, line and column.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        public int DockerfileCount { get; }

        public int ComposeFileCount { get; }

        public int ServiceCount { get; }

        /// <summary>Decisions a detailed log should explain, such as services left to another project.</summary>
        public IReadOnlyList<string> Notes { get; set; } = new string[0];

        /// <summary>Findings suppressed by a <c># hardening-ignore</c> comment or the baseline; each has a <see cref="Finding.Suppression"/>.</summary>
        public IReadOnlyList<Finding> SuppressedFindings { get; internal set; } = new Finding[0];

        /// <summary>The findings not suppressed by a comment, as a baseline to write on request.</summary>
        public Configuration.Baseline CurrentBaseline { get; internal set; } = Configuration.Baseline.FromFindings(new Finding[0], null);

        /// <summary>The .editorconfig files read, for up-to-date checks and logs.</summary>
        public IReadOnlyList<string> EditorConfigFiles { get; internal set; } = new string[0];

        /// <summary>Lines for a detailed log: the sections, severities, suppressions and baseline entries that applied.</summary>
        public IReadOnlyList<string> Details { get; internal set; } = new string[0];
    }
}
