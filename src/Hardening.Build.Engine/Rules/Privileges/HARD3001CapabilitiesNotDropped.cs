using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Rules.Privileges
{
    /// <summary>
    /// A service that keeps Linux capabilities: <c>cap_drop</c> lacks ALL, or <c>cap_add: [ALL]</c> or
    /// <c>privileged: true</c> gives every capability back.
    /// </summary>
    public sealed class HARD3001CapabilitiesNotDropped : ComposeServiceRule
    {
        private const string All = "ALL";

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD3001", "Capabilities are not all dropped", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            YamlEntry? capDrop = service.Entry("cap_drop");
            if (capDrop == null)
            {
                string added = AddedCapabilities(service);
                string keeps = added.Length == 0
                    ? "keeps Docker's default capabilities"
                    : $"keeps Docker's default capabilities and adds {added}";
                yield return Report(
                    service.KeyLocation,
                    $"Service '{service.Name}' does not set cap_drop, so it {keeps}. Add `cap_drop: [ALL]` and add back only what it needs with cap_add, for example NET_BIND_SERVICE.");
                yield break;
            }

            bool dropsAll = false;
            ComposeValue? unknown = null;
            foreach (ComposeValue capability in service.Values("cap_drop"))
            {
                if (!capability.IsKnown)
                {
                    unknown ??= capability;
                }
                else if (ComposeCasts.NormalizeCapability(capability.Text) == All)
                {
                    dropsAll = true;
                }
            }

            if (!dropsAll)
            {
                yield return unknown != null
                    ? Unresolved(service, "cap_drop", unknown)
                    : Report(
                        capDrop.Key.ReportLocation,
                        $"Service '{service.Name}' drops only some capabilities; cap_drop does not contain ALL. Write `cap_drop: [ALL]` and add back only what it needs with cap_add.");
                yield break;
            }

            foreach (ComposeValue capability in service.Values("cap_add"))
            {
                if (capability.IsKnown && ComposeCasts.NormalizeCapability(capability.Text) == All)
                {
                    yield return Report(
                        capability.Location,
                        $"Service '{service.Name}' adds '{capability.Text}' in cap_add, which gives back every capability that cap_drop: [ALL] removed. List only the capabilities it needs, such as NET_BIND_SERVICE.");
                }
            }

            ComposeValue? privileged = service.Value("privileged");
            if (privileged != null && privileged.IsKnown && privileged.TryGetBoolean(out bool isPrivileged) && isPrivileged)
            {
                yield return Report(
                    privileged.Location,
                    $"Service '{service.Name}' is privileged, which grants every capability whatever cap_drop says. Remove `privileged: true`.");
            }
        }

        private static string AddedCapabilities(ComposeService service)
        {
            var names = new List<string>();
            foreach (ComposeValue capability in service.Values("cap_add"))
            {
                names.Add(capability.Text);
            }

            return string.Join(", ", names);
        }
    }
}
