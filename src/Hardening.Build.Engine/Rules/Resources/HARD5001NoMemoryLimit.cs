using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Resources
{
    /// <summary>A service without a memory limit: neither <c>deploy.resources.limits.memory</c> nor <c>mem_limit</c>.</summary>
    public sealed class HARD5001NoMemoryLimit : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD5001", "No memory limit", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            ComposeValue? deployLimit = service.ValueAt("deploy", "resources", "limits", "memory");
            ComposeValue? memLimit = service.Value("mem_limit");
            LimitState state = ResourceLimit.Read(new[] { deployLimit, memLimit }, ResourceLimit.ParseBytes, out ComposeValue? decisive);

            switch (state)
            {
                case LimitState.Missing:
                    yield return Report(
                        service.KeyLocation,
                        $"Service '{service.Name}' has no memory limit, so a leak can use all of the host's memory. Set the size it needs with `mem_limit: 256m`, or with `memory: 256m` under deploy.resources.limits (next to cpus when that is set).");
                    break;
                case LimitState.Zero:
                    yield return Report(
                        decisive!.Location,
                        $"Service '{service.Name}' sets its memory limit to '{decisive.Text}', which means no limit. Set the size it needs, for example 256m.");
                    break;
                case LimitState.Unknown:
                    yield return Unresolved(service, "the memory limit", decisive!);
                    break;
            }
        }
    }
}
