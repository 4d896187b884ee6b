using System.Collections.Generic;

namespace Hardening.Build.Dockerfiles
{
    // Placeholder shape; the Dockerfile parser and model replace this file.
    public sealed class DockerfileDocument
    {
        public DockerfileDocument(string filePath, IReadOnlyList<Finding> diagnostics)
        {
            FilePath = filePath;
            Diagnostics = diagnostics;
        }

        public string FilePath { get; }

        public IReadOnlyList<Finding> Diagnostics { get; }

        public static DockerfileDocument Parse(string filePath, string text) => new DockerfileDocument(filePath, new Finding[0]);
    }
}
