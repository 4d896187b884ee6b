using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Privileges
{
    /// <summary>A service with <c>privileged</c> true in any spelling Compose accepts, after interpolation.</summary>
    public sealed class HARD3004PrivilegedService : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD3004", "Service is privileged", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            ComposeValue? privileged = service.Value("privileged");
            if (privileged == null)
            {
                yield break;
            }

            if (!privileged.IsKnown)
            {
                yield return Unresolved(service, "privileged", privileged);
            }
            else if (privileged.TryGetBoolean(out bool isPrivileged) && isPrivileged)
            {
                yield return Report(
                    privileged.Location,
                    $"Service '{service.Name}' sets privileged to '{privileged.Text}', which turns off the container's isolation: it gets every capability and every host device, and runs without seccomp or AppArmor. Remove `privileged: true`, and grant only what the service needs with cap_add or devices.");
            }
        }
    }
}
