using System.Collections.Generic;

namespace Hardening.Build.Rules.SupplyChain
{
    /// <summary>
    /// Reports an image without a <c>@sha256:</c> digest, in the same places as HARD7001. It runs only
    /// when the project requires digests (<see cref="RuleSettings.RequireDigest"/>), because a tag is
    /// the usual and reviewed way to choose a version.
    /// </summary>
    public sealed class HARD7002ImageNotPinnedByDigest : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD7002", "Image not pinned by digest", Severity.Suggestion);

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            if (!project.Settings.RequireDigest)
            {
                yield break;
            }

            foreach (ImageUse use in ImageUse.Collect(project))
            {
                if (use.UnresolvedVariable != null || use.Parse().Digest != null)
                {
                    continue;
                }

                yield return new Finding(
                    Rule,
                    use.Location,
                    $"{use.Where} uses the image '{use.Reference}' without a digest, and a tag can be moved to another image. Append the digest that `docker buildx imagetools inspect {use.Reference}` prints: `{use.Reference}@sha256:<digest>`.");
            }
        }
    }
}
