using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build.Rules.User
{
    /// <summary>
    /// A service with neither <c>build:</c> nor <c>user:</c>, so the image decides who it runs as, and the
    /// image's default user is root or not in the catalogue of base images.
    /// </summary>
    public sealed class HARD1003ServiceImageDefaultUser : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD1003", "Service runs its image's default user", Severity.Suggestion);

        protected override IEnumerable<Finding> CheckService(ComposeService service, ProjectModel project)
        {
            if (service.HasBuild || service.Entry("user") != null)
            {
                yield break;
            }

            ComposeValue? image = service.Image;
            if (image == null)
            {
                yield break;
            }

            if (!image.IsKnown)
            {
                yield return Unresolved(service, "image", image);
                yield break;
            }

            BaseImageDefaults? defaults = project.Settings.Catalog.Lookup(image.Text);
            if (defaults != null && defaults.Kind == UserKind.NonRoot)
            {
                yield break;
            }

            string known = defaults == null
                ? $"'{image.Text}' is not in the catalogue of base images, so its default user is unknown"
                : $"'{image.Text}' starts as {defaults.User} by default";
            yield return Report(
                service.KeyLocation,
                $"Service '{service.Name}' sets no user, and its image {known}. Add `user: \"10001:10001\"` with a uid the image can run as, or build it from a Dockerfile that sets a non-root USER.");
        }
    }
}
