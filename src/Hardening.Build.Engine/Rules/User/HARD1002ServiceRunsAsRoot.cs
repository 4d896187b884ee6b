using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build.Rules.User
{
    /// <summary>A Compose service whose <c>user:</c> is root: uid 0 or the name root, whatever the group.</summary>
    public sealed class HARD1002ServiceRunsAsRoot : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD1002", "Service runs as root", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            ComposeValue? user = service.User;
            if (user == null)
            {
                yield break;
            }

            if (!user.IsKnown)
            {
                yield return Unresolved(service, "user", user);
                yield break;
            }

            if (BaseImageCatalog.ClassifyUser(user.Text) == UserKind.Root)
            {
                yield return Report(
                    user.Location,
                    $"Service '{service.Name}' runs as root: user is '{user.Text}'{WrittenAs(user)}. Run it as a non-root uid, for example `user: \"10001:10001\"`, or remove user: and set a non-root USER in the Dockerfile.");
            }
        }

        // Names the expression when interpolation produced the value, such as ${APP_USER} from .env.
        private static string WrittenAs(ComposeValue user) =>
            user.Node.Value == user.Text ? string.Empty : $" (written as '{user.Node.Value}')";
    }
}
