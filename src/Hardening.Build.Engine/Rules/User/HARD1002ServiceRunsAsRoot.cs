using System;
using System.Collections.Generic;
using Hardening.Build.Compose;

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

            if (IsRootUser(user.Text))
            {
                yield return Report(
                    user.Location,
                    $"Service '{service.Name}' runs as root: user is '{user.Text}'. Run it as a non-root uid, for example `user: \"10001:10001\"`, or remove user: and set a non-root USER in the Dockerfile.");
            }
        }

        /// <summary>
        /// True when the user part of <c>user[:group]</c> is root: the name <c>root</c> (case-sensitive, as
        /// on Linux), a numeric uid of 0, or the Windows administrator <c>ContainerAdministrator</c>.
        /// </summary>
        internal static bool IsRootUser(string userAndGroup)
        {
            string text = userAndGroup.Trim();
            int colon = text.IndexOf(':');
            string user = colon < 0 ? text : text.Substring(0, colon);
            if (user.Length == 0)
            {
                return false;
            }

            if (user == "root" || string.Equals(user, "ContainerAdministrator", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (char c in user)
            {
                if (c != '0')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
