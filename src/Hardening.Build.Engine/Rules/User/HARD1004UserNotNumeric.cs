using System;
using System.Collections.Generic;
using Hardening.Build.Dockerfiles;

namespace Hardening.Build.Rules.User
{
    /// <summary>
    /// Reports a built stage whose effective user is a non-root name rather than a uid, which
    /// Kubernetes runAsNonRoot cannot verify. The user is resolved like HARD1001 does it, so
    /// <c>USER $APP_UID</c> on a .NET image and an ARG with a numeric default pass. Root and unknown
    /// users are left to HARD1001, Windows images to their own user model, and services that set
    /// <c>user:</c> to the Compose rules.
    /// </summary>
    public sealed class HARD1004UserNotNumeric : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD1004", "Final user is not numeric", Severity.Suggestion);

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            foreach (BuiltStage built in BuiltStage.Collect(project, skipServicesWithOwnUser: true))
            {
                if (built.IsExportOnly())
                {
                    continue;
                }

                UserResolution user = built.Document.ResolveUser(built.Stage, built.BuildArgs, project.Settings.Catalog);
                if (user.Kind != UserKind.NonRoot || user.User == null || user.BaseImageDefaults?.IsWindows == true)
                {
                    continue;
                }

                string name = UserName(user.User);
                if (IsDigits(name) || string.Equals(name, "ContainerUser", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                yield return new Finding(Rule, user.Location, Message(built, user, name));
            }
        }

        private static string Message(BuiltStage built, UserResolution user, string name)
        {
            string found = user.IsBaseImageDefault
                ? $"{built.Description} sets no USER, so it runs as '{user.User}', the default user of its base image '{user.BaseImage}'"
                : $"{built.Description} runs as the user '{user.User}'";
            string fix = user.BaseImageDefaults != null && user.BaseImageDefaults.DefinesAppUid
                ? "Write `USER $APP_UID`, which the .NET images set to the uid 1654 of their app user."
                : $"Write the uid of '{name}' instead (`id -u {name}` in the image prints it), for example `USER 101` when that is its uid.";
            return $"{found}, a name. Kubernetes runAsNonRoot can only verify a numeric uid, so a pod that requires it fails to start with this image. {fix}";
        }

        private static string UserName(string user)
        {
            int colon = user.IndexOf(':');
            return (colon < 0 ? user : user.Substring(0, colon)).Trim();
        }

        private static bool IsDigits(string text)
        {
            if (text.Length == 0)
            {
                return false;
            }

            foreach (char ch in text)
            {
                if (ch < '0' || ch > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
