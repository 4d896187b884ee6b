using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build
{
    /// <summary>Everything the rules see: the parsed Dockerfiles and the Compose projects of one MSBuild project.</summary>
    public sealed class ProjectModel
    {
        public ProjectModel(IReadOnlyList<DockerfileDocument> dockerfiles, IReadOnlyList<ComposeProject> composeProjects)
            : this(dockerfiles, composeProjects, new ServiceBuildLink[0])
        {
        }

        public ProjectModel(
            IReadOnlyList<DockerfileDocument> dockerfiles,
            IReadOnlyList<ComposeProject> composeProjects,
            IReadOnlyList<ServiceBuildLink> buildLinks,
            RuleSettings? settings = null)
        {
            Settings = settings ?? RuleSettings.Default;
            Dockerfiles = dockerfiles;
            ComposeProjects = composeProjects;
            BuildLinks = buildLinks;
        }

        /// <summary>The project's declared base images, policies and properties.</summary>
        public RuleSettings Settings { get; }

        /// <summary>Where the MSBuild project file writes its properties, for findings about them.</summary>
        public MsBuildProjectFile ProjectFile { get; internal set; } = MsBuildProjectFile.None;

        /// <summary>The Dockerfiles checked for this project.</summary>
        public IReadOnlyList<DockerfileDocument> Dockerfiles { get; }

        /// <summary>The Compose projects, each with its files merged as Docker Compose would run them.</summary>
        public IReadOnlyList<ComposeProject> ComposeProjects { get; }

        /// <summary>Each Compose service with <c>build:</c> and the Dockerfile stage it builds, which may be outside <see cref="Dockerfiles"/>.</summary>
        public IReadOnlyList<ServiceBuildLink> BuildLinks { get; }
    }
}
