using System.Collections.Generic;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build.Rules.User
{
    /// <summary>
    /// The image that the .NET SDK publishes (<c>dotnet publish /t:PublishContainer</c>) runs as root.
    /// The SDK sets the image user to ContainerUser when the project sets it; otherwise to the base image's
    /// <c>APP_UID</c> variable when the base image defines one (every mcr.microsoft.com/dotnet image of .NET 8
    /// and later does, with uid 1654); otherwise the base image's own user stays.
    /// </summary>
    public sealed class HARD1006SdkContainerRunsAsRoot : Rule
    {
        /// <summary>Container properties whose presence shows that the project is published as a container.</summary>
        private static readonly string[] ContainerSettings =
        {
            SdkContainerProperties.ContainerBaseImage,
            SdkContainerProperties.ContainerFamily,
            SdkContainerProperties.ContainerImageTag,
            SdkContainerProperties.ContainerImageTags,
            SdkContainerProperties.ContainerRepository,
            SdkContainerProperties.ContainerUser,
        };

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD1006", "The .NET SDK's container image runs as root", Severity.Warning);

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            RuleSettings settings = project.Settings;
            if (!SdkContainerProperties.IsEnabled(settings))
            {
                yield break;
            }

            string? user = SdkContainerProperties.Get(settings, SdkContainerProperties.ContainerUser);
            string? baseImage = SdkContainerProperties.Get(settings, SdkContainerProperties.ContainerBaseImage);
            if (user != null)
            {
                if (BaseImageCatalog.ClassifyUser(user) == UserKind.Root && Locate(project, SdkContainerProperties.ContainerUser) is SourceLocation at)
                {
                    yield return new Finding(
                        Descriptor,
                        at,
                        $"The project publishes a container image with the .NET SDK and sets ContainerUser to '{user}', so the container runs as root. Write `<ContainerUser>app</ContainerUser>` (uid 1654 in .NET 8 and later images), or a non-root uid such as `<ContainerUser>10001</ContainerUser>`.");
                }

                yield break;
            }

            if (baseImage != null)
            {
                BaseImageDefaults? defaults = settings.Catalog.Lookup(baseImage);
                if (defaults != null && !defaults.DefinesAppUid && defaults.Kind == UserKind.Root
                    && Locate(project, SdkContainerProperties.ContainerBaseImage) is SourceLocation at)
                {
                    yield return new Finding(
                        Descriptor,
                        at,
                        $"The project publishes a container image with the .NET SDK on ContainerBaseImage '{baseImage}' ({defaults.Description}), whose default user is '{defaults.User}', and sets no ContainerUser, so the container runs as root. Add `<ContainerUser>10001</ContainerUser>` with a non-root uid the image can run as, or use a base image that runs as non-root, such as mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled.");
                }

                yield break;
            }

            // With no ContainerBaseImage the SDK picks mcr.microsoft.com/dotnet/aspnet, runtime or runtime-deps
            // of the target framework's version. Those of .NET 8 and later define APP_UID; the Linux images
            // of .NET 6 and 7 have no non-root user. Windows images default to the non-root ContainerUser.
            int major = SdkContainerProperties.TargetDotNetMajorVersion(settings);
            if (major > 0 && major < 8 && !SdkContainerProperties.TargetsWindows(settings) && SetsContainerSettings(settings)
                && Locate(project, SdkContainerProperties.TargetFrameworkVersion, "TargetFramework") is SourceLocation frameworkAt)
            {
                yield return new Finding(
                    Descriptor,
                    frameworkAt,
                    $"The project publishes a container image with the .NET SDK for .NET {major}, whose default base images run as root, and sets no ContainerUser. Add a non-root uid, such as `<ContainerUser>10001</ContainerUser>`, or target .NET 8 or later, whose default base images the SDK runs as uid 1654.");
            }
        }

        private static bool SetsContainerSettings(RuleSettings settings)
        {
            foreach (string name in ContainerSettings)
            {
                if (SdkContainerProperties.Get(settings, name) != null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Returns where the project file writes the first of these properties, else the start of the project file.</summary>
        private static SourceLocation? Locate(ProjectModel project, params string[] propertyNames)
        {
            foreach (string name in propertyNames)
            {
                if (project.ProjectFile.Writes(name))
                {
                    return project.ProjectFile.Locate(name);
                }
            }

            return project.ProjectFile.Locate(propertyNames[0]);
        }
    }
}
