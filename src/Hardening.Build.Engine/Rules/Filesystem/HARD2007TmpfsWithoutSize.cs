using System;
using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Filesystem
{
    /// <summary>
    /// A tmpfs mount without a size limit: a service <c>tmpfs:</c> entry without <c>size=</c>, or a
    /// long-syntax <c>type: tmpfs</c> volume without <c>tmpfs.size</c>. A size of 0 means no limit too.
    /// </summary>
    public sealed class HARD2007TmpfsWithoutSize : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD2007", "tmpfs has no size limit", Severity.Suggestion);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            foreach (ComposeValue entry in service.Values("tmpfs"))
            {
                if (!entry.IsKnown)
                {
                    continue;
                }

                string path = TmpMounts.TmpfsPath(entry.Text);
                string? size = SizeOption(entry.Text);
                if (size == null || IsZero(size))
                {
                    yield return Report(entry.Location, Message(service, path, size, $"`{path}:size=64m`"));
                }
            }

            foreach (Mount mount in Mount.Read(service))
            {
                if (mount.Volume.Type != "tmpfs" || !mount.Volume.IsKnown)
                {
                    continue;
                }

                ComposeValue? size = mount.TmpfsSize;
                if (size == null)
                {
                    yield return Report(mount.Volume.Location, Message(service, mount.Volume.Target ?? string.Empty, null, "`tmpfs: {size: 64m}` in this volume entry"));
                }
                else if (size.IsKnown && IsZero(size.Text))
                {
                    yield return Report(size.Location, Message(service, mount.Volume.Target ?? string.Empty, size.Text, "`size: 64m`"));
                }
            }
        }

        /// <summary>The value of the last <c>size=</c> option of a <c>tmpfs:</c> entry, as mount(8) applies it; null when none.</summary>
        private static string? SizeOption(string entry)
        {
            int colon = entry.IndexOf(':');
            if (colon < 0)
            {
                return null;
            }

            string? size = null;
            foreach (string option in entry.Substring(colon + 1).Split(','))
            {
                string trimmed = option.Trim();
                if (trimmed.StartsWith("size=", StringComparison.Ordinal))
                {
                    size = trimmed.Substring("size=".Length);
                }
            }

            return size;
        }

        private static bool IsZero(string size) => ComposeCasts.TryParseBytes(size, out long bytes) && bytes == 0;

        private static string Message(ComposeService service, string path, string? size, string fix)
        {
            string found = size == null ? "has no size limit" : $"has size '{size}', which means no limit";
            return $"Service '{service.Name}': the tmpfs at '{path}' {found}, so files written there take memory until the container's memory limit or the host's memory runs out. Set the size the service needs, for example {fix}.";
        }
    }
}
