using System.Collections.Generic;
using System.Globalization;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Resources
{
    /// <summary>A service without a PIDs limit: neither <c>deploy.resources.limits.pids</c> nor <c>pids_limit</c> above 0.</summary>
    public sealed class HARD5003NoPidsLimit : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD5003", "No PIDs limit", Severity.Suggestion);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            ComposeValue? deployLimit = service.ValueAt("deploy", "resources", "limits", "pids");
            ComposeValue? pidsLimit = service.Value("pids_limit");
            LimitState state = ResourceLimit.Read(new[] { deployLimit, pidsLimit }, ParsePids, out ComposeValue? decisive);

            switch (state)
            {
                case LimitState.Missing:
                    yield return Report(
                        service.KeyLocation,
                        $"Service '{service.Name}' has no PIDs limit, so a fork bomb or a thread leak can exhaust the host's process table. Add `pids_limit: 200`, or `deploy: {{resources: {{limits: {{pids: 200}}}}}}`, with the number of processes and threads it needs.");
                    break;
                case LimitState.Zero:
                    yield return Report(
                        decisive!.Location,
                        $"Service '{service.Name}' sets its PIDs limit to '{decisive.Text}', which means no limit. Set the number of processes and threads it needs, for example 200.");
                    break;
                case LimitState.Unknown:
                    yield return Unresolved(service, "the PIDs limit", decisive!);
                    break;
            }
        }

        // -1 means unlimited and 0 unset; both read as "no limit" through the amount check.
        internal static bool ParsePids(string text, out double amount)
        {
            bool parsed = long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long pids);
            amount = pids;
            return parsed;
        }
    }
}
