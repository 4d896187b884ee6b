namespace Hardening.Build.Dockerfiles
{
    /// <summary>The effective runtime user of a stage and what decided it.</summary>
    public sealed class UserResolution
    {
        internal UserResolution(
            string? user,
            UserKind kind,
            SourceLocation location,
            DockerfileStage decidingStage,
            bool fromBaseImage,
            string? baseImage,
            BaseImageDefaults? baseImageDefaults,
            string? unresolvedVariable)
        {
            User = user;
            Kind = kind;
            Location = location;
            DecidingStage = decidingStage;
            IsBaseImageDefault = fromBaseImage;
            BaseImage = baseImage;
            BaseImageDefaults = baseImageDefaults;
            UnresolvedVariable = unresolvedVariable;
        }

        /// <summary>The user text after expansion (<c>1654</c>, <c>app:app</c>); null when it is unknown.</summary>
        public string? User { get; }

        public UserKind Kind { get; }

        /// <summary>
        /// The USER instruction that decided (in this stage, an ancestor stage, or an ONBUILD trigger of
        /// the parent stage, located at the ONBUILD keyword); or the stage's own FROM when the base image default applies.
        /// </summary>
        public SourceLocation Location { get; }

        /// <summary>The stage that contains <see cref="Location"/>.</summary>
        public DockerfileStage DecidingStage { get; }

        /// <summary>True when no USER was set and the base image's default user applies.</summary>
        public bool IsBaseImageDefault { get; }

        /// <summary>The external image at the root of the stage chain after expansion; null when it depends on an unset variable.</summary>
        public string? BaseImage { get; }

        /// <summary>The catalogue entry of <see cref="BaseImage"/>; null when the image is not in the catalogue or unresolved.</summary>
        public BaseImageDefaults? BaseImageDefaults { get; }

        /// <summary>The variable with no value that the user or base image depends on, or null.</summary>
        public string? UnresolvedVariable { get; }
    }
}
