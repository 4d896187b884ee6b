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

        private Dictionary<ComposeService, ServiceBuildLink>? _linkByService;

        /// <summary>The link of a service that builds an image; null for a service that only pulls one.</summary>
        public ServiceBuildLink? BuildLinkOf(ComposeService service)
        {
            if (_linkByService == null)
            {
                var links = new Dictionary<ComposeService, ServiceBuildLink>();
                foreach (ServiceBuildLink link in BuildLinks)
                {
                    links[link.Service] = link;
                }

                _linkByService = links;
            }

            return _linkByService.TryGetValue(service, out ServiceBuildLink? found) ? found : null;
        }
    }
}
