using System;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Filesystem
{
    /// <summary>How a service mounts /tmp, for the rules about a read-only root filesystem.</summary>
    internal static class TmpMounts
    {
        /// <summary>True when the service's read_only is known to be true.</summary>
        public static bool IsReadOnly(ComposeService service)
        {
            ComposeValue? readOnly = service.Value("read_only");
            return readOnly != null && readOnly.IsKnown && readOnly.TryGetBoolean(out bool value) && value;
        }

        /// <summary>The path of a <c>tmpfs:</c> entry: the text before the first ':' (the rest are mount options).</summary>
        public static string TmpfsPath(string entry)
        {
            int colon = entry.IndexOf(':');
            return colon < 0 ? entry.Trim() : entry.Substring(0, colon).Trim();
        }

        /// <summary>True for /tmp, also written /tmp/ or //tmp.</summary>
        public static bool IsTmp(string? path)
        {
            if (path == null)
            {
                return false;
            }

            string trimmed = path.Trim().TrimEnd('/');
            while (trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                trimmed = trimmed.Substring(1);
            }

            return trimmed == "/tmp";
        }
    }
}
