using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Resources
{
    /// <summary>A service without a CPU limit: neither <c>deploy.resources.limits.cpus</c> nor <c>cpus</c>.</summary>
    public sealed class HARD5002NoCpuLimit : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD5002", "No CPU limit", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            ComposeValue? deployLimit = service.ValueAt("deploy", "resources", "limits", "cpus");
            ComposeValue? cpus = service.Value("cpus");
            LimitState state = ResourceLimit.Read(new[] { deployLimit, cpus }, ResourceLimit.ParseCpus, out ComposeValue? decisive);

            switch (state)
            {
                case LimitState.Missing:
                    yield return Report(
                        service.KeyLocation,
                        $"Service '{service.Name}' has no CPU limit, so a busy loop can starve the other containers. Set the share it needs with `cpus: 0.5`, or with `cpus: \"0.5\"` under deploy.resources.limits (next to memory when that is set).");
                    break;
                case LimitState.Zero:
                    yield return Report(
                        decisive!.Location,
                        $"Service '{service.Name}' sets its CPU limit to '{decisive.Text}', which means no limit. Set the share it needs, for example \"0.5\".");
                    break;
                case LimitState.Unknown:
                    yield return Unresolved(service, "the CPU limit", decisive!);
                    break;
            }
        }
    }
}
