using System.Collections.Generic;

namespace Hardening.Build.Compose
{
    /// <summary>Which Compose files form one project, as <c>docker compose -f a.yml -f b.yml</c> would load them.</summary>
    public sealed class ComposeProjectSpec
    {
        public ComposeProjectSpec(string name, IReadOnlyList<string> files, string projectDirectory, string? envFile = null)
        {
            Name = name;
            Files = files;
            ProjectDirectory = projectDirectory;
            EnvFile = envFile;
        }

        public string Name { get; }

        /// <summary>Absolute paths in load order: later files override earlier ones.</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>The folder relative paths resolve against; by default the first file's folder.</summary>
        public string ProjectDirectory { get; }

        /// <summary>The variables file; null means <c>.env</c> in the project folder.</summary>
        public string? EnvFile { get; }

        public override string ToString() => Name + ": " + string.Join(" + ", Files);
    }

    /// <summary>A loaded Compose project: every service merged as Docker Compose would run it.</summary>
    public sealed class ComposeProject
    {
        public ComposeProject(ComposeProjectSpec spec, IReadOnlyList<ComposeService> services, IReadOnlyList<Finding> diagnostics, ComposeContext context)
        {
            Spec = spec;
            Services = services;
            Diagnostics = diagnostics;
            Context = context;
        }

        public ComposeProjectSpec Spec { get; }

        public string Name => Spec.Name;

        public IReadOnlyList<ComposeService> Services { get; }

        /// <summary>Diagnostics of loading: unreadable files, YAML errors, unresolved references and rejected values.</summary>
        public IReadOnlyList<Finding> Diagnostics { get; }

        public ComposeContext Context { get; }

        /// <summary>The Compose files that could be read, including those reached through extends and include.</summary>
        public IReadOnlyList<string> ReadFiles { get; internal set; } = new string[0];

        /// <summary>
        /// True when Docker Compose could not load the project (a file unreadable or invalid, a broken
        /// reference); its services are then not checked, and only the diagnostics explain why.
        /// </summary>
        public bool LoadFailed { get; internal set; }
    }
}
