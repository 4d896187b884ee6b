using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Restart
{
    /// <summary>
    /// A service with neither <c>restart:</c> nor <c>deploy.restart_policy</c>. An explicit
    /// <c>restart: "no"</c> is a deliberate choice and passes.
    /// </summary>
    public sealed class HARD8001NoRestartPolicy : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD8001", "No restart policy", Severity.Suggestion);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            if (service.Entry("restart") != null || service.NodeAt("deploy", "restart_policy") != null)
            {
                yield break;
            }

            yield return Report(
                service.KeyLocation,
                $"Service '{service.Name}' has no restart policy, so it stays down after a crash or a host reboot. Add `restart: unless-stopped`, or `restart: \"no\"` for a one-off job.");
        }
    }
}
