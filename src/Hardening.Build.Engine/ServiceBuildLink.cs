using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build
{
    /// <summary>A Compose service and the Dockerfile stage it builds: the target stage, or the last one.</summary>
    public sealed class ServiceBuildLink
    {
        public ServiceBuildLink(
            ComposeProject project,
            ComposeService service,
            DockerfileDocument document,
            DockerfileStage stage,
            bool isTarget,
            IReadOnlyDictionary<string, string> buildArgs,
            BaseImageCatalog catalog)
        {
            Catalog = catalog;
            Project = project;
            Service = service;
            Document = document;
            Stage = stage;
            IsTarget = isTarget;
            BuildArgs = buildArgs;
        }

        public ComposeProject Project { get; }

        public ComposeService Service { get; }

        public DockerfileDocument Document { get; }

        public DockerfileStage Stage { get; }

        /// <summary>True when <c>build.target</c> chose the stage.</summary>
        public bool IsTarget { get; }

        /// <summary>The service's <c>build.args</c> whose values are known; they override ARG defaults.</summary>
        public IReadOnlyDictionary<string, string> BuildArgs { get; }

        public BaseImageCatalog Catalog { get; }

        /// <summary>The absolute build context folder, which decides which MSBuild project reports the service.</summary>
        public string ContextDirectory { get; internal set; } = string.Empty;

        /// <summary>The ignore file of the build context; null when it was not looked for.</summary>
        public DockerIgnore? DockerIgnore { get; internal set; }

        /// <summary>The effective user of the built stage, before the service's own <c>user:</c>.</summary>
        public UserResolution ResolveImageUser() => Document.ResolveUser(Stage, BuildArgs, Catalog);
    }
}
