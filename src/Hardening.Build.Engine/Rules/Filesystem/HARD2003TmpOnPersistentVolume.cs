using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Filesystem
{
    /// <summary>A read-only service whose /tmp is a named volume or a bind mount rather than a tmpfs.</summary>
    public sealed class HARD2003TmpOnPersistentVolume : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD2003", "/tmp is on a persistent volume", Severity.Suggestion);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            if (!TmpMounts.IsReadOnly(service))
            {
                yield break;
            }

            foreach (ComposeValue entry in service.Values("tmpfs"))
            {
                if (entry.IsKnown && TmpMounts.IsTmp(TmpMounts.TmpfsPath(entry.Text)))
                {
                    yield break;
                }
            }

            foreach (ComposeVolume volume in service.Volumes())
            {
                if (volume.IsKnown && volume.Type != "tmpfs" && TmpMounts.IsTmp(volume.Target))
                {
                    string from = volume.Source == null ? "an anonymous volume" : $"'{volume.Source}'";
                    yield return Report(
                        volume.Location,
                        $"Service '{service.Name}' mounts /tmp from {from} ({volume.Type}), so temporary files survive restarts and can be shared. Mount a tmpfs instead: `tmpfs: [\"/tmp:size=64m\"]`, and remove this volume entry.");
                }
            }
        }
    }
}
