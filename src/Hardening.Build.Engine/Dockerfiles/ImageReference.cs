using System;

namespace Hardening.Build.Dockerfiles
{
    /// <summary>
    /// An image reference split the way Docker reads it: registry, repository and tag, with any
    /// digest kept apart. Docker Hub names get <c>docker.io</c> and, for one-part names, <c>library/</c>.
    /// </summary>
    public sealed class ImageReference
    {
        public const string DockerHub = "docker.io";

        private ImageReference(string original, string registry, string repository, string tag, string? digest)
        {
            Original = original;
            Registry = registry;
            Repository = repository;
            Tag = tag;
            Digest = digest;
        }

        public string Original { get; }

        /// <summary>The registry host, with port when one was written; <c>docker.io</c> when none was.</summary>
        public string Registry { get; }

        /// <summary>The path inside the registry, for example <c>dotnet/aspnet</c> or <c>library/python</c>.</summary>
        public string Repository { get; }

        /// <summary>The tag; <c>latest</c> when none was written.</summary>
        public string Tag { get; }

        /// <summary>The <c>sha256:…</c> digest, or null.</summary>
        public string? Digest { get; }

        /// <summary><c>registry/repository</c>, the name without tag and digest.</summary>
        public string Name => Registry + "/" + Repository;

        public bool IsDockerHub => Registry == DockerHub;

        public static ImageReference Parse(string reference)
        {
            string rest = reference.Trim();
            string? digest = null;
            int at = rest.IndexOf('@');
            if (at >= 0)
            {
                digest = rest.Substring(at + 1);
                rest = rest.Substring(0, at);
            }

            // A colon after the last slash starts the tag; a colon before it belongs to a registry port.
            string tag = "latest";
            int slash = rest.LastIndexOf('/');
            int colon = rest.LastIndexOf(':');
            if (colon > slash)
            {
                tag = rest.Substring(colon + 1);
                rest = rest.Substring(0, colon);
            }

            string registry = DockerHub;
            int firstSlash = rest.IndexOf('/');
            if (firstSlash > 0)
            {
                string first = rest.Substring(0, firstSlash);
                if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost")
                {
                    registry = first.ToLowerInvariant();
                    rest = rest.Substring(firstSlash + 1);
                }
            }

            if (registry == "index.docker.io" || registry == "registry-1.docker.io")
            {
                registry = DockerHub;
            }

            string repository = rest.ToLowerInvariant();
            if (registry == DockerHub && repository.IndexOf('/') < 0)
            {
                repository = "library/" + repository;
            }

            return new ImageReference(reference, registry, repository, tag, digest);
        }

        public bool RepositoryStartsWith(string prefix) => Repository.StartsWith(prefix, StringComparison.Ordinal);

        public override string ToString() => Name + ":" + Tag + (Digest == null ? string.Empty : "@" + Digest);
    }
}
