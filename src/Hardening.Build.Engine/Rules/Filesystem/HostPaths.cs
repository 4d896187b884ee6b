using System;
using System.Collections.Generic;

namespace Hardening.Build.Rules.Filesystem
{
    /// <summary>Host paths of bind mounts, brought to one spelling so that they can be compared.</summary>
    internal static class HostPaths
    {
        /// <summary>
        /// Normalises a bind source: a Windows pipe (<c>\\.\pipe\x</c> or <c>//./pipe/x</c>) becomes
        /// <c>//./pipe/x</c> in lower case; otherwise repeated '/' collapse, '.' and '..' segments are
        /// resolved, a trailing '/' goes, and <c>/var/run</c> becomes <c>/run</c>, its target on every
        /// current distribution. A leading <c>~</c> stays, and relative paths are returned unchanged.
        /// </summary>
        public static string Normalize(string source)
        {
            string path = source.Trim();
            string slashed = path.Replace('\\', '/');
            if (slashed.StartsWith("//./pipe/", StringComparison.OrdinalIgnoreCase))
            {
                return slashed.ToLowerInvariant();
            }

            bool fromHome = path.StartsWith("~", StringComparison.Ordinal);
            if (!fromHome && !path.StartsWith("/", StringComparison.Ordinal))
            {
                return path;
            }

            var segments = new List<string>();
            foreach (string segment in path.Substring(fromHome ? 1 : 0).Split('/'))
            {
                if (segment.Length == 0 || segment == ".")
                {
                    continue;
                }

                if (segment == "..")
                {
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    continue;
                }

                segments.Add(segment);
            }

            if (!fromHome && segments.Count >= 2 && segments[0] == "var" && segments[1] == "run")
            {
                segments.RemoveAt(0);
            }

            string joined = "/" + string.Join("/", segments);
            return fromHome ? "~" + (segments.Count == 0 ? string.Empty : joined) : joined;
        }

        /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies below it.</summary>
        public static bool IsAtOrBelow(string path, string root) =>
            path == root
            || (path.StartsWith(root, StringComparison.Ordinal) && (root.EndsWith("/", StringComparison.Ordinal) || (path.Length > root.Length && path[root.Length] == '/')));

        /// <summary>The last segment of a normalised path.</summary>
        public static string FileName(string path)
        {
            int slash = path.LastIndexOf('/');
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
