using System;
using System.Collections.Generic;
using System.Linq;

namespace Hardening.Build.Rules.SupplyChain
{
    /// <summary>
    /// The .NET SDK's container publishing uses a moving tag: ContainerBaseImage without a tag or digest,
    /// or with <c>latest</c>; ContainerImageTag <c>latest</c>; or ContainerImageTags with no tag but
    /// <c>latest</c>. Tags that add <c>latest</c> next to a version pass, because a deployment can use the version.
    /// A project that sets neither ContainerImageTag nor ContainerImageTags also gets <c>latest</c> from the
    /// SDK, but a CI build usually passes the tag on the command line, which the build cannot see, so
    /// that case is not reported.
    /// </summary>
    public sealed class HARD7007SdkContainerImageTag : Rule
    {
        private const string Latest = "latest";

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD7007", "The .NET SDK's container image uses a latest or missing tag", Severity.Warning);

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            RuleSettings settings = project.Settings;
            if (!SdkContainerProperties.IsEnabled(settings))
            {
                yield break;
            }

            string? baseImage = SdkContainerProperties.Get(settings, SdkContainerProperties.ContainerBaseImage);
            if (baseImage != null && DescribeMovingTag(baseImage) is string problem
                && project.ProjectFile.Locate(SdkContainerProperties.ContainerBaseImage) is SourceLocation baseAt)
            {
                yield return new Finding(
                    Descriptor,
                    baseAt,
                    $"The project publishes a container image with the .NET SDK on ContainerBaseImage '{baseImage}', which {problem}, so each publish may build on a different image. Write a version tag, such as `<ContainerBaseImage>mcr.microsoft.com/dotnet/aspnet:8.0.11</ContainerBaseImage>`, or pin a digest with `@sha256:...`.");
            }

            string? tag = SdkContainerProperties.Get(settings, SdkContainerProperties.ContainerImageTag);
            if (tag != null && tag == Latest
                && project.ProjectFile.Locate(SdkContainerProperties.ContainerImageTag) is SourceLocation tagAt)
            {
                yield return new Finding(
                    Descriptor,
                    tagAt,
                    "The project publishes its container image with the .NET SDK as ContainerImageTag 'latest', so a deployment cannot tell which build it runs. Write a version tag, such as `<ContainerImageTag>$(Version)</ContainerImageTag>`.");
            }

            string? tags = SdkContainerProperties.Get(settings, SdkContainerProperties.ContainerImageTags);
            if (tags != null && SdkContainerProperties.SplitTags(tags).All(t => t == Latest)
                && project.ProjectFile.Locate(SdkContainerProperties.ContainerImageTags) is SourceLocation tagsAt)
            {
                yield return new Finding(
                    Descriptor,
                    tagsAt,
                    $"The project publishes its container image with the .NET SDK under ContainerImageTags '{tags}', only 'latest', so a deployment cannot tell which build it runs. Add a version tag, for example `<ContainerImageTags>$(Version);latest</ContainerImageTags>`, and deploy by it.");
            }
        }

        /// <summary>Returns why the reference is a moving one, or null when it names a fixed tag or a digest.</summary>
        private static string? DescribeMovingTag(string reference)
        {
            if (reference.IndexOf('@') >= 0)
            {
                return null;
            }

            // A colon after the last slash starts the tag; one before it belongs to a registry port.
            int slash = reference.LastIndexOf('/');
            int colon = reference.LastIndexOf(':');
            if (colon <= slash)
            {
                return "has no tag and so means 'latest'";
            }

            string tag = reference.Substring(colon + 1);
            return string.Equals(tag, Latest, StringComparison.Ordinal) ? "uses the 'latest' tag" : null;
        }
    }
}
