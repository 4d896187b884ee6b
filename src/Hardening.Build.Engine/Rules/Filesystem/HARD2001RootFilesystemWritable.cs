using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Filesystem
{
    /// <summary>A Compose service without <c>read_only: true</c>.</summary>
    public sealed class HARD2001RootFilesystemWritable : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD2001", "Root filesystem is writable", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            ComposeValue? readOnly = service.Value("read_only");
            if (readOnly == null)
            {
                yield return Report(
                    service.KeyLocation,
                    $"Service '{service.Name}' does not set read_only, so its root filesystem is writable. Add `read_only: true` to the service, with `tmpfs: [\"/tmp:size=64m\"]` for the files it must write.");
                yield break;
            }

            if (!readOnly.IsKnown)
            {
                yield return Unresolved(service, "read_only", readOnly);
                yield break;
            }

            if (readOnly.TryGetBoolean(out bool value) && !value)
            {
                yield return Report(
                    readOnly.Location,
                    $"Service '{service.Name}' sets read_only to '{readOnly.Text}', so its root filesystem is writable. Write `read_only: true`, with `tmpfs: [\"/tmp:size=64m\"]` for the files it must write.");
            }
        }
    }
}
