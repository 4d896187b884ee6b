using System;
using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Privileges
{
    /// <summary>
    /// A <c>security_opt</c> entry that turns off a kernel confinement: seccomp or AppArmor
    /// <c>unconfined</c>, SELinux labelling disabled or the <c>spc_t</c> type, or unmasked system paths.
    /// </summary>
    public sealed class HARD3006ConfinementDisabled : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD3006", "Confinement is turned off", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            foreach (ComposeValue option in service.Values("security_opt"))
            {
                if (!option.IsKnown)
                {
                    yield return Unresolved(service, "security_opt", option);
                    continue;
                }

                string? effect = Describe(option.Text);
                if (effect != null)
                {
                    yield return Report(
                        option.Location,
                        $"Service '{service.Name}' sets '{option.Text}' in security_opt, which {effect}. Remove this entry to keep Docker's default profile; if the service needs a system call or access the default denies, write a custom profile that allows only that.");
                }
            }
        }

        /// <summary>
        /// Splits an option as the engine does: the bare word <c>disable</c> is SELinux's, otherwise at
        /// the first '=', or at the first ':' (deprecated) when there is no '='. Keys and values are case-sensitive.
        /// </summary>
        private static string? Describe(string option)
        {
            if (option == "disable")
            {
                return "turns off SELinux separation for the container";
            }

            int split = option.IndexOf('=');
            if (split < 0)
            {
                split = option.IndexOf(':');
            }

            if (split < 0)
            {
                return null;
            }

            string key = option.Substring(0, split);
            string value = option.Substring(split + 1);
            switch (key)
            {
                case "seccomp" when value == "unconfined":
                    return "turns off the seccomp filter, so every system call reaches the host's kernel";
                case "apparmor" when value == "unconfined":
                    return "turns off the AppArmor profile that keeps the container from writing to /proc and /sys and from mounting";
                case "label" when value == "disable":
                    return "turns off SELinux separation for the container";
                case "label" when value == "type:spc_t":
                    return "gives the container SELinux's super-privileged type spc_t, which is not confined";
                case "systempaths" when value == "unconfined":
                    return "unmasks the /proc and /sys paths Docker hides, such as /proc/kcore and /sys/firmware";
                default:
                    return null;
            }
        }
    }
}
