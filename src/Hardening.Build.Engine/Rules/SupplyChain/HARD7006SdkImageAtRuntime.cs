using System;
using System.Collections.Generic;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build.Rules.SupplyChain
{
    /// <summary>
    /// Reports a built stage that runs on the .NET SDK image: its chain starts FROM
    /// mcr.microsoft.com/dotnet/sdk (or dotnet/nightly/sdk) and sets CMD or ENTRYPOINT. A stage without a
    /// command only exports files. Other languages' build images are not judged, because many of
    /// them, such as node and python, are also the usual runtime images.
    /// </summary>
    public sealed class HARD7006SdkImageAtRuntime : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD7006", "The built stage runs on an SDK image", Severity.Warning);

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            foreach (BuiltStage built in BuiltStage.Collect(project))
            {
                if (!built.HasCommand())
                {
                    continue;
                }

                DockerfileStage root = built.Chain()[0];
                string? baseImage = ResolveBaseImage(built, root);
                if (baseImage == null)
                {
                    continue;
                }

                ImageReference image = ImageReference.Parse(baseImage);
                if (image.Registry != "mcr.microsoft.com" || (image.Repository != "dotnet/sdk" && image.Repository != "dotnet/nightly/sdk"))
                {
                    continue;
                }

                string inherited = root == built.Stage ? string.Empty : $" through stage {root.DisplayName}";
                yield return new Finding(
                    Rule,
                    built.Stage.FromLocation,
                    $"{built.Description} runs on the .NET SDK image '{baseImage}'{inherited}, which ships the compilers, NuGet and a shell into production and is several times larger than a runtime image. Build in an SDK stage and copy the published output into {RuntimeImages(image)}.");
            }
        }

        private static string? ResolveBaseImage(BuiltStage built, DockerfileStage root)
        {
            Syntax.Dockerfile.ExpansionResult result = built.Document.ExpandFromReference(root.BaseReference, built.BuildArgs);
            return result.UnresolvedVariable == null && result.Value.Length > 0 ? result.Value : null;
        }

        /// <summary>Names the runtime images of the same version: aspnet and runtime, and their chiseled tags from .NET 8 on.</summary>
        private static string RuntimeImages(ImageReference sdk)
        {
            string prefix = sdk.Registry + "/" + sdk.Repository.Substring(0, sdk.Repository.Length - "sdk".Length);
            string[] parts = sdk.Tag.Split('.', '-');
            if (parts.Length < 2 || !int.TryParse(parts[0], out int major) || !int.TryParse(parts[1], out int minor))
            {
                return $"`FROM {prefix}aspnet:<version>` (or runtime for a console app), chiseled where the app allows it";
            }

            string version = $"{major}.{minor}";
            string? chiseled = BaseImageCatalog.DotNetChiseledSuffix(major);
            return chiseled != null
                ? $"`FROM {prefix}aspnet:{version}-{chiseled}` (or runtime:{version}-{chiseled} for a console app; aspnet:{version}-{chiseled}-extra if it needs ICU or time zones)"
                : $"`FROM {prefix}aspnet:{version}` (or runtime:{version} for a console app)";
        }
    }
}
