using System;
using System.Collections.Generic;
using System.Globalization;

namespace Hardening.Build.Dockerfiles
{
    /// <summary>Whether a user runs with root (or Windows administrator) rights.</summary>
    public enum UserKind
    {
        Root,
        NonRoot,
        Unknown,
    }

    /// <summary>What the catalogue records about a base image: its default user and the ENV it sets.</summary>
    public sealed class BaseImageDefaults
    {
        private static readonly IReadOnlyDictionary<string, string> s_noEnvironment = new Dictionary<string, string>();

        public BaseImageDefaults(string user, UserKind kind, string description, IReadOnlyDictionary<string, string>? environment = null)
        {
            User = user;
            Kind = kind;
            Description = description;
            Environment = environment ?? s_noEnvironment;
        }

        /// <summary>The image's configured user, for example <c>1654</c>, <c>root</c> or <c>ContainerUser</c>.</summary>
        public string User { get; }

        public UserKind Kind { get; }

        /// <summary>A short reason for messages, such as ".NET chiseled image".</summary>
        public string Description { get; }

        /// <summary>ENV values of the image that matter to USER, such as <c>APP_UID</c>.</summary>
        public IReadOnlyDictionary<string, string> Environment { get; }

        /// <summary>True for mcr.microsoft.com/dotnet images of .NET 8 or later, which define <c>APP_UID</c>.</summary>
        public bool DefinesAppUid => Environment.ContainsKey("APP_UID");

        public bool IsWindows { get; internal set; }
    }

    /// <summary>
    /// Default users of common base images, so that a Dockerfile without USER can be judged. Entries
    /// declared with <see cref="Add"/> are checked before the built-in ones.
    /// </summary>
    public sealed class BaseImageCatalog
    {
        /// <summary>The uid of the <c>app</c> user in .NET 8 and later images.</summary>
        public const string DotNetAppUid = "1654";

        /// <summary>The uid of the <c>app</c> user in .NET 6 and 7 chiseled images.</summary>
        private const string DotNetLegacyAppUid = "64198";

        private readonly List<KeyValuePair<string, BaseImageDefaults>> _declared = new List<KeyValuePair<string, BaseImageDefaults>>();

        /// <summary>The built-in entries only. Create a new catalogue for declared entries instead of adding to this shared one.</summary>
        public static BaseImageCatalog Default { get; } = new BaseImageCatalog();

        /// <summary>
        /// Declares the default user of an image. The pattern is an image name (<c>registry.example.com/base</c>,
        /// any tag), a name with tag (<c>base:1.2</c>), or a prefix ending in <c>*</c> (<c>registry.example.com/team/*</c>).
        /// </summary>
        public void Add(string imagePattern, string user)
        {
            _declared.Add(new KeyValuePair<string, BaseImageDefaults>(
                imagePattern.Trim(),
                new BaseImageDefaults(user, ClassifyUser(user), "declared default user")));
        }

        /// <summary>Returns the defaults of the image, or null when the catalogue does not know it.</summary>
        public BaseImageDefaults? Lookup(string reference)
        {
            if (reference == "scratch")
            {
                return new BaseImageDefaults("root", UserKind.Root, "the empty image");
            }

            ImageReference image = ImageReference.Parse(reference);
            foreach (KeyValuePair<string, BaseImageDefaults> entry in _declared)
            {
                if (MatchesPattern(entry.Key, image))
                {
                    return entry.Value;
                }
            }

            return LookupBuiltIn(image);
        }

        /// <summary>
        /// Root is a user part of <c>root</c> or a number equal to 0 (<c>0</c>, <c>00</c>, <c>0:1000</c>),
        /// and the Windows <c>ContainerAdministrator</c>. The group does not count, and Linux names are case-sensitive.
        /// </summary>
        public static UserKind ClassifyUser(string user)
        {
            string trimmed = user.Trim();
            if (trimmed.Length == 0)
            {
                return UserKind.Unknown;
            }

            int colon = trimmed.IndexOf(':');
            string name = colon < 0 ? trimmed : trimmed.Substring(0, colon);
            if (name == "root" || string.Equals(name, "ContainerAdministrator", StringComparison.OrdinalIgnoreCase))
            {
                return UserKind.Root;
            }

            if (name.Length > 0 && IsDigits(name))
            {
                return name.TrimStart('0').Length == 0 ? UserKind.Root : UserKind.NonRoot;
            }

            return name.Length == 0 ? UserKind.Unknown : UserKind.NonRoot;
        }

        private static bool IsDigits(string text)
        {
            foreach (char ch in text)
            {
                if (ch < '0' || ch > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool MatchesPattern(string pattern, ImageReference image)
        {
            if (pattern.EndsWith("*", StringComparison.Ordinal))
            {
                string prefix = pattern.Substring(0, pattern.Length - 1);
                return image.Original.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                    || (image.Name + ":" + image.Tag).StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
            }

            ImageReference wanted = ImageReference.Parse(pattern);
            if (!string.Equals(wanted.Name, image.Name, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            bool patternHasTag = pattern.LastIndexOf(':') > pattern.LastIndexOf('/');
            return !patternHasTag || wanted.Tag == image.Tag;
        }

        private static BaseImageDefaults? LookupBuiltIn(ImageReference image)
        {
            string tag = image.Tag.ToLowerInvariant();
            if (image.Registry == "mcr.microsoft.com" && image.RepositoryStartsWith("dotnet/"))
            {
                return LookupDotNet(image, tag);
            }

            if (image.Registry == "mcr.microsoft.com" && image.RepositoryStartsWith("windows"))
            {
                return image.Repository.IndexOf("nanoserver", StringComparison.Ordinal) >= 0
                    ? Windows("ContainerUser", UserKind.NonRoot, "Windows Nano Server image")
                    : Windows("ContainerAdministrator", UserKind.Root, "Windows Server Core image");
            }

            if (image.Registry == "gcr.io" && image.RepositoryStartsWith("distroless/"))
            {
                string bare = StripArchitecture(tag);
                return bare == "nonroot" || bare == "debug-nonroot"
                    ? new BaseImageDefaults("65532", UserKind.NonRoot, "distroless :nonroot image")
                    : new BaseImageDefaults("root", UserKind.Root, "distroless image without the :nonroot tag");
            }

            if (image.Registry == "cgr.dev" && image.RepositoryStartsWith("chainguard/"))
            {
                return tag == "dev" || tag.EndsWith("-dev", StringComparison.Ordinal)
                    ? new BaseImageDefaults("root", UserKind.Root, "Chainguard -dev image")
                    : new BaseImageDefaults("65532", UserKind.NonRoot, "Chainguard image");
            }

            if (!image.IsDockerHub)
            {
                return null;
            }

            if (image.Repository == "nginxinc/nginx-unprivileged")
            {
                return new BaseImageDefaults("101", UserKind.NonRoot, "unprivileged nginx image");
            }

            if (image.RepositoryStartsWith("bitnami/"))
            {
                return new BaseImageDefaults("1001", UserKind.NonRoot, "Bitnami image");
            }

            string? official = OfficialImageName(image.Repository);
            if (official != null && RootOfficialImages.Contains(official))
            {
                return new BaseImageDefaults("root", UserKind.Root, "Docker official image");
            }

            return null;
        }

        private static BaseImageDefaults LookupDotNet(ImageReference image, string tag)
        {
            if (image.Repository == "dotnet/aspire-dashboard")
            {
                return new BaseImageDefaults(DotNetAppUid, UserKind.NonRoot, ".NET Aspire dashboard image");
            }

            // dotnet-docker builds dotnet/monitor and dotnet/monitor/base only on chiseled and distroless
            // images, whatever the tag (for example monitor/base:10.0.3-amd64).
            if (image.Repository == "dotnet/monitor" || image.Repository == "dotnet/monitor/base")
            {
                var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["APP_UID"] = DotNetAppUid };
                return new BaseImageDefaults(DotNetAppUid, UserKind.NonRoot, ".NET Monitor image", environment);
            }

            if (tag.IndexOf("nanoserver", StringComparison.Ordinal) >= 0)
            {
                return Windows("ContainerUser", UserKind.NonRoot, ".NET Nano Server image");
            }

            if (tag.IndexOf("windowsservercore", StringComparison.Ordinal) >= 0)
            {
                return Windows("ContainerAdministrator", UserKind.Root, ".NET Windows Server Core image");
            }

            int major = ReadMajorVersion(tag);
            bool legacy = major == 6 || major == 7;
            string uid = legacy ? DotNetLegacyAppUid : DotNetAppUid;
            bool nonRootTag = tag.IndexOf("chiseled", StringComparison.Ordinal) >= 0 || tag.IndexOf("distroless", StringComparison.Ordinal) >= 0;
            if (nonRootTag)
            {
                var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["APP_UID"] = uid };
                return new BaseImageDefaults(uid, UserKind.NonRoot, ".NET chiseled or distroless image", environment);
            }

            // .NET 6 and 7 regular images have no app user; an unknown major version (a tag such as
            // "latest") is treated as current.
            if (major > 0 && major < 8)
            {
                return new BaseImageDefaults("root", UserKind.Root, $".NET {major} image");
            }

            var appUid = new Dictionary<string, string>(StringComparer.Ordinal) { ["APP_UID"] = DotNetAppUid };
            return new BaseImageDefaults("root", UserKind.Root, ".NET image", appUid);
        }

        /// <summary>
        /// Official images known to start as root: their Dockerfiles set no USER (some drop privileges
        /// in their entrypoint, which still leaves the image user root). Other official images, such as
        /// logstash, kibana, haproxy and memcached, set a USER of their own, so they are not assumed to be root.
        /// </summary>
        private static readonly HashSet<string> RootOfficialImages = new HashSet<string>(StringComparer.Ordinal)
        {
            "alpine", "debian", "ubuntu", "busybox", "centos", "fedora", "amazonlinux", "oraclelinux", "rockylinux", "almalinux",
            "python", "node", "golang", "rust", "ruby", "php", "perl", "openjdk", "eclipse-temurin",
            "nginx", "httpd", "caddy", "redis", "postgres", "mysql", "mariadb", "mongo", "rabbitmq",
        };

        // Docker Hub serves official images under library/ and per architecture (amd64/alpine, arm64v8/debian).
        private static readonly string[] ArchitectureNamespaces =
        {
            "library/", "amd64/", "arm32v5/", "arm32v6/", "arm32v7/", "arm64v8/", "i386/", "ppc64le/", "s390x/", "riscv64/", "mips64le/",
        };

        private static string? OfficialImageName(string repository)
        {
            foreach (string prefix in ArchitectureNamespaces)
            {
                if (repository.StartsWith(prefix, StringComparison.Ordinal) && repository.IndexOf('/', prefix.Length) < 0)
                {
                    return repository.Substring(prefix.Length);
                }
            }

            return null;
        }

        /// <summary>
        /// Returns the suffix of the chiseled tags of a .NET major version, as dotnet-docker's manifest
        /// lists them: noble for .NET 8 to 10 and resolute for .NET 11. Other versions give null.
        /// </summary>
        public static string? DotNetChiseledSuffix(int major)
        {
            if (major >= 8 && major <= 10)
            {
                return "noble-chiseled";
            }

            return major == 11 ? "resolute-chiseled" : null;
        }

        private static BaseImageDefaults Windows(string user, UserKind kind, string description) =>
            new BaseImageDefaults(user, kind, description) { IsWindows = true };

        private static int ReadMajorVersion(string tag)
        {
            int end = 0;
            while (end < tag.Length && tag[end] >= '0' && tag[end] <= '9')
            {
                end++;
            }

            return end > 0 && int.TryParse(tag.Substring(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out int major) ? major : 0;
        }

        private static string StripArchitecture(string tag)
        {
            foreach (string suffix in new[] { "-amd64", "-arm64", "-arm", "-s390x", "-ppc64le" })
            {
                if (tag.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return tag.Substring(0, tag.Length - suffix.Length);
                }
            }

            return tag;
        }
    }
}
