using System;
using System.Collections.Generic;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build.Rules.SupplyChain
{
    /// <summary>
    /// Reports an image without a tag or with the tag <c>latest</c>, after ARG and Compose
    /// interpolation. A digest pins the image whatever the tag, a registry port is not a tag, and
    /// <c>scratch</c> and stage names are not images. An image that depends on a variable without a
    /// value gets HARD0005 instead, because its tag is unknown.
    /// </summary>
    public sealed class HARD7001ImageNotTagged : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD7001", "Image without a tag or with latest", Severity.Warning);

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            foreach (ImageUse use in ImageUse.Collect(project))
            {
                if (use.UnresolvedVariable != null)
                {
                    yield return new Finding(
                        InputDiagnostics.UnresolvedValue,
                        use.Location,
                        $"{use.Where} names its image through '{use.UnresolvedVariable}', which has no value here, so HARD7001 could not check its tag. Give the variable a default, such as `ARG {use.UnresolvedVariable}=<image>:<version>` or `${{{use.UnresolvedVariable}:-<image>:<version>}}`.");
                    continue;
                }

                ImageReference image = use.Parse();
                if (image.Digest != null)
                {
                    continue;
                }

                string name = NameWithoutTag(use.Reference);
                if (!HasTag(use.Reference))
                {
                    yield return new Finding(
                        Rule,
                        use.Location,
                        $"{use.Where} uses the image '{use.Reference}' without a tag, so Docker pulls 'latest', which changes whenever the image is published again. Pin a version tag, for example `{name}:<version>`, or a digest.");
                }
                else if (string.Equals(image.Tag, "latest", StringComparison.Ordinal))
                {
                    yield return new Finding(
                        Rule,
                        use.Location,
                        $"{use.Where} uses the image '{use.Reference}' with the tag 'latest', which changes whenever the image is published again. Pin a version tag, for example `{name}:<version>`, or a digest.");
                }
            }
        }

        /// <summary>True when a colon follows the last slash, so a registry port such as <c>localhost:5000/app</c> is not a tag.</summary>
        internal static bool HasTag(string reference)
        {
            int at = reference.IndexOf('@');
            string name = at < 0 ? reference : reference.Substring(0, at);
            return name.LastIndexOf(':') > name.LastIndexOf('/');
        }

        internal static string NameWithoutTag(string reference)
        {
            int at = reference.IndexOf('@');
            string name = at < 0 ? reference : reference.Substring(0, at);
            return HasTag(name) ? name.Substring(0, name.LastIndexOf(':')) : name;
        }
    }
}
