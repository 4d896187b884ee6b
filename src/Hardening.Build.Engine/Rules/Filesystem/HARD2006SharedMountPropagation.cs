using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Filesystem
{
    /// <summary>A bind mount with <c>shared</c> or <c>rshared</c> propagation, in the short or long syntax.</summary>
    public sealed class HARD2006SharedMountPropagation : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD2006", "Mount propagation is shared", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            foreach (Mount mount in Mount.Read(service))
            {
                if (!mount.Volume.IsKnown)
                {
                    continue;
                }

                foreach (string mode in mount.Modes)
                {
                    if (IsShared(mode))
                    {
                        yield return Report(mount.Volume.Location, Message(service, mount.Volume, mode));
                    }
                }

                ComposeValue? propagation = mount.Propagation;
                if (propagation != null && propagation.IsKnown && IsShared(propagation.Text))
                {
                    yield return Report(propagation.Location, Message(service, mount.Volume, propagation.Text));
                }
            }
        }

        private static bool IsShared(string mode) => mode == "shared" || mode == "rshared";

        private static string Message(ComposeService service, ComposeVolume volume, string mode) =>
            $"Service '{service.Name}' mounts '{volume.Source}' with {mode} propagation, so mounts made inside the container appear on the host and in other containers. Remove '{mode}' to get the default, rprivate, or write rslave if the container must see mounts the host adds later.";
    }
}
