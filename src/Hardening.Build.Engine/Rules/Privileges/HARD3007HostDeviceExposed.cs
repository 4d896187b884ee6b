using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Rules.Privileges
{
    /// <summary>
    /// A service given host devices: a <c>devices:</c> entry (short <c>HOST[:CONTAINER[:PERMISSIONS]]</c>,
    /// long <c>source</c>/<c>target</c>/<c>permissions</c>, or a CDI name) or a <c>device_cgroup_rules</c> entry.
    /// </summary>
    public sealed class HARD3007HostDeviceExposed : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD3007", "Host device exposed", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            if (service.Entry("devices")?.Value is YamlSequence devices)
            {
                foreach (YamlNode item in devices.Items)
                {
                    string? device = item is YamlMapping mapping
                        ? service.Read(mapping.Get("source"))?.Text
                        : service.Read(item)?.Text;
                    if (device == null)
                    {
                        continue;
                    }

                    yield return Report(item.ReportLocation, DeviceMessage(service, device));
                }
            }

            foreach (ComposeValue rule in service.Values("device_cgroup_rules"))
            {
                if (!rule.IsKnown)
                {
                    yield return Unresolved(service, "device_cgroup_rules", rule);
                    continue;
                }

                yield return Report(
                    rule.Location,
                    $"Service '{service.Name}' sets the device cgroup rule '{rule.Text}', which lets it create and open every host device the rule matches, such as disks. Remove this entry, or list the exact devices the service needs under devices.");
            }
        }

        private static string DeviceMessage(ComposeService service, string device)
        {
            string found = $"Service '{service.Name}' is given the host device '{device}' in devices, so it can use that hardware directly, outside the container's isolation.";

            // A CDI name such as nvidia.com/gpu=all names a device set and takes no permissions.
            if (!device.StartsWith("/", System.StringComparison.Ordinal))
            {
                return found + " Remove this entry unless the service must use that device.";
            }

            int colon = device.IndexOf(':');
            string path = colon < 0 ? device : device.Substring(0, colon);
            return found + $" Remove this entry unless the service must use that device, and then grant only the access it needs, such as `{path}:{path}:r` for read-only.";
        }
    }
}
