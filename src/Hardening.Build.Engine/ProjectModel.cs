using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build
{
    /// <summary>Everything the rules see: the parsed Dockerfiles and Compose files of one project.</summary>
    public sealed class ProjectModel
    {
        public ProjectModel(IReadOnlyList<DockerfileDocument> dockerfiles, IReadOnlyList<ComposeFile> composeFiles)
        {
            Dockerfiles = dockerfiles;
            ComposeFiles = composeFiles;
        }

        public IReadOnlyList<DockerfileDocument> Dockerfiles { get; }

        public IReadOnlyList<ComposeFile> ComposeFiles { get; }
    }
}
