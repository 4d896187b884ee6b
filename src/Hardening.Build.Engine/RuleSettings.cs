using System.Collections.Generic;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build
{
    /// <summary>
    /// Project settings the rules read: the base images it declares, opt-in policies, and the
    /// MSBuild properties some rules read. Rules see these through the model, never through MSBuild.
    /// </summary>
    public sealed class RuleSettings
    {
        public static RuleSettings Default { get; } = new RuleSettings();

        /// <summary>Base-image defaults: the built-in catalogue plus the images the project declares.</summary>
        public BaseImageCatalog Catalog { get; set; } = BaseImageCatalog.Default;

        /// <summary>Whether images must be pinned by digest (off by default).</summary>
        public bool RequireDigest { get; set; }

        /// <summary>Registries (or registry/namespace prefixes) images may come from; empty allows all.</summary>
        public IReadOnlyList<string> AllowedRegistries { get; set; } = new string[0];

        /// <summary>The MSBuild project file, where findings about its properties point; null when unknown.</summary>
        public string? ProjectFilePath { get; set; }

        /// <summary>
        /// MSBuild properties of the project that rules read, such as the .NET SDK's container settings
        /// (EnableSdkContainerSupport, ContainerUser, ContainerBaseImage, ContainerImageTag). Only set ones.
        /// </summary>
        public IReadOnlyDictionary<string, string> ProjectProperties { get; set; } = new Dictionary<string, string>();
    }
}
