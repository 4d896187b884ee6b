using System;
using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Privileges
{
    /// <summary>
    /// A <c>cap_add</c> entry that gives a known way out of the container or onto the host's shared
    /// state, in any spelling the engine accepts (any case, with or without <c>CAP_</c>).
    /// </summary>
    public sealed class HARD3005DangerousCapabilityAdded : ComposeServiceRule
    {
        // Keys are normalised as the engine does. NET_RAW is left out: it is in Docker's default set,
        // so adding it back after cap_drop: [ALL] restores a default, not a new power.
        private static readonly Dictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ALL"] = "every capability, which is nearly as much as privileged",
            ["CAP_SYS_ADMIN"] = "mount, namespace and many other administrative calls, the usual first step of a container escape",
            ["CAP_SYS_PTRACE"] = "tracing and reading the memory of other processes",
            ["CAP_SYS_MODULE"] = "loading kernel modules, which runs code in the host's kernel",
            ["CAP_NET_ADMIN"] = "changing network interfaces, routes and firewall rules",
            ["CAP_DAC_READ_SEARCH"] = "opening files by handle, which reads host files outside the container's mounts",
            ["CAP_SYS_RAWIO"] = "raw access to I/O ports and device memory",
            ["CAP_BPF"] = "loading eBPF programs into the host's kernel",
            ["CAP_PERFMON"] = "kernel performance monitoring, which exposes the host's kernel and other processes",
            ["CAP_SYS_BOOT"] = "rebooting and loading a new kernel with kexec",
            ["CAP_SYS_TIME"] = "setting the host's clock, which is shared by every container",
            ["CAP_MAC_ADMIN"] = "changing the AppArmor or SELinux policy",
            ["CAP_MAC_OVERRIDE"] = "bypassing the AppArmor or SELinux policy",
        };

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD3005", "Dangerous capability added", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            bool dropsAll = DropsAll(service);
            foreach (ComposeValue capability in service.Values("cap_add"))
            {
                if (!capability.IsKnown)
                {
                    yield return Unresolved(service, "cap_add", capability);
                    continue;
                }

                string name = ComposeCasts.NormalizeCapability(capability.Text);

                // HARD3001 already reports cap_add: [ALL] when cap_drop has ALL.
                if (name == "ALL" && dropsAll)
                {
                    continue;
                }

                if (Reasons.TryGetValue(name, out string? reason))
                {
                    string shortName = name.StartsWith("CAP_", StringComparison.Ordinal) ? name.Substring(4) : name;
                    yield return Report(
                        capability.Location,
                        $"Service '{service.Name}' adds the capability '{capability.Text}' in cap_add, which allows {reason}. Remove {shortName} from cap_add; if the service really needs it, run it on a host set aside for it and suppress HARD3005 there.");
                }
            }
        }

        private static bool DropsAll(ComposeService service)
        {
            foreach (ComposeValue capability in service.Values("cap_drop"))
            {
                if (capability.IsKnown && ComposeCasts.NormalizeCapability(capability.Text) == "ALL")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
