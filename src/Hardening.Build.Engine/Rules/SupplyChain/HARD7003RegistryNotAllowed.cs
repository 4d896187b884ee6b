using System;
using System.Collections.Generic;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build.Rules.SupplyChain
{
    /// <summary>
    /// Reports an image from a registry outside <see cref="RuleSettings.AllowedRegistries"/>, in the same
    /// places as HARD7001; it runs only when that list is not empty. An entry is a registry host
    /// (<c>mcr.microsoft.com</c>, <c>*.example.com</c> for its subdomains) or a registry and namespace
    /// prefix (<c>docker.io/library</c>). Docker Hub is <c>docker.io</c>, and one-part names such as
    /// <c>python</c> are <c>docker.io/library/python</c>.
    /// </summary>
    public sealed class HARD7003RegistryNotAllowed : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD7003", "Image from a registry outside the allow-list", Severity.Warning);

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            IReadOnlyList<string> allowed = project.Settings.AllowedRegistries;
            if (allowed.Count == 0)
            {
                yield break;
            }

            foreach (ImageUse use in ImageUse.Collect(project))
            {
                if (use.UnresolvedVariable != null)
                {
                    continue;
                }

                ImageReference image = use.Parse();
                if (IsAllowed(image, allowed))
                {
                    continue;
                }

                yield return new Finding(
                    Rule,
                    use.Location,
                    $"{use.Where} uses the image '{use.Reference}' from {image.Registry}/{image.Repository}, which matches no entry of the allowed registries ({string.Join(", ", allowed)}). Pull it from an allowed registry, such as a mirror there, or add its registry to the allowed registries.");
            }
        }

        public static bool IsAllowed(ImageReference image, IReadOnlyList<string> allowed)
        {
            foreach (string rawEntry in allowed)
            {
                string entry = rawEntry.Trim().TrimEnd('/').ToLowerInvariant();
                if (entry.Length == 0)
                {
                    continue;
                }

                int slash = entry.IndexOf('/');
                string host = slash < 0 ? entry : entry.Substring(0, slash);
                string? path = slash < 0 ? null : entry.Substring(slash + 1);
                if (!LooksLikeHost(host))
                {
                    // A Docker Hub namespace such as `library` or `bitnami/`.
                    path = entry;
                    host = ImageReference.DockerHub;
                }

                if (host == "index.docker.io" || host == "registry-1.docker.io")
                {
                    host = ImageReference.DockerHub;
                }

                bool hostMatches = host.StartsWith("*.", StringComparison.Ordinal)
                    ? image.Registry.EndsWith(host.Substring(1), StringComparison.Ordinal)
                    : image.Registry == host;
                if (!hostMatches)
                {
                    continue;
                }

                if (path == null || image.Repository == path || image.Repository.StartsWith(path + "/", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool LooksLikeHost(string part) =>
            part.IndexOf('.') >= 0 || part.IndexOf(':') >= 0 || part == "localhost";
    }
}
