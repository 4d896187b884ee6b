using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Namespaces
{
    /// <summary>
    /// A service that shares one of the host's namespaces: the field is exactly <c>host</c> after
    /// interpolation. The engine compares case-sensitively, so <c>Host</c> is not the host mode.
    /// </summary>
    public abstract class HostNamespaceRule : ComposeServiceRule
    {
        /// <summary>The Compose field, such as <c>pid</c>.</summary>
        protected abstract string Field { get; }

        /// <summary>What sharing the namespace gives the container, completing "so the container ...".</summary>
        protected abstract string Consequence { get; }

        /// <summary>The fix, as a sentence.</summary>
        protected abstract string Fix { get; }

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            ComposeValue? mode = service.Value(Field);
            if (mode == null)
            {
                yield break;
            }

            if (!mode.IsKnown)
            {
                yield return Unresolved(service, Field, mode);
            }
            else if (mode.Text == "host")
            {
                yield return Report(
                    mode.Location,
                    $"Service '{service.Name}' sets `{Field}: host`, so the container {Consequence}. {Fix}");
            }
        }
    }
}
