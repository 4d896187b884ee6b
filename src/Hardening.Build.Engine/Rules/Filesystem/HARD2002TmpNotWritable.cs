using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Filesystem
{
    /// <summary>
    /// A service with a read-only root filesystem and nothing writable at /tmp, where most runtimes
    /// and libraries write temporary files.
    /// </summary>
    public sealed class HARD2002TmpNotWritable : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD2002", "/tmp is not writable on a read-only root filesystem", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            if (!TmpMounts.IsReadOnly(service))
            {
                yield break;
            }

            foreach (ComposeValue entry in service.Values("tmpfs"))
            {
                if (!entry.IsKnown)
                {
                    yield return Unresolved(service, "tmpfs", entry);
                    yield break;
                }

                if (TmpMounts.IsTmp(TmpMounts.TmpfsPath(entry.Text)))
                {
                    yield break;
                }
            }

            foreach (ComposeVolume volume in service.Volumes())
            {
                // A volume at /tmp is writable; HARD2003 reports it when it is not a tmpfs.
                if (!volume.IsKnown || TmpMounts.IsTmp(volume.Target))
                {
                    yield break;
                }
            }

            yield return Report(
                service.KeyLocation,
                $"Service '{service.Name}' has a read-only root filesystem but no tmpfs at /tmp, so writing temporary files fails. Add `tmpfs: [\"/tmp:size=64m\"]` to the service, with the size it needs.");
        }
    }
}
