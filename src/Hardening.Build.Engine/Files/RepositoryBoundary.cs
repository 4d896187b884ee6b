using System;
using System.IO;

namespace Hardening.Build.Files
{
    /// <summary>
    /// The folder the check may read below: references in checked files (extends, include, build
    /// Dockerfiles) and symbolic links must not lead out of it. The host chooses the folder, usually the
    /// repository root; the engine never searches the disk for it.
    /// </summary>
    public sealed class RepositoryBoundary
    {
        private static readonly StringComparison PathComparison =
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        // Bounds the links followed for one path, as the kernel's limit of 40 does on Linux.
        private const int MaxLinksFollowed = 40;

        private readonly Lazy<string> _realRoot;

        /// <param name="root">An absolute folder path.</param>
        public RepositoryBoundary(string root)
        {
            Root = TrimSeparator(Path.GetFullPath(root));
            _realRoot = new Lazy<string>(() => ResolveLinks(Root) ?? Root);
        }

        public string Root { get; }

        /// <summary>Whether <paramref name="path"/> is the root or below it, by its text alone.</summary>
        public bool Contains(string path) => IsInside(Path.GetFullPath(path), Root);

        /// <summary>
        /// Returns where a path leads after its symbolic links are resolved, when that place is outside the
        /// boundary. Returns null when the path leads inside it, involves no link, or cannot be resolved.
        /// Both sides are compared with their links resolved, so a root reached through a link, such as
        /// /tmp on macOS, still contains its own files.
        /// </summary>
        public string? LinkTargetOutside(string path)
        {
            string full = Path.GetFullPath(path);
            string? real = ResolveLinks(full);
            if (real == null || string.Equals(real, full, PathComparison))
            {
                return null;
            }

            return IsInside(real, _realRoot.Value) ? null : real;
        }

        /// <summary>
        /// Resolves every symbolic link in an absolute path, component by component, as realpath does.
        /// Returns null when a link cannot be read or the chain has more than 40 links, which is a loop.
        /// Components that do not exist are kept as written.
        /// </summary>
        public static string? ResolveLinks(string path)
        {
#if NET
            string full = Path.GetFullPath(path);
            string root = Path.GetPathRoot(full) ?? string.Empty;
            string[] pending = full.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
            var queue = new System.Collections.Generic.List<string>(pending);
            string current = root;
            int linksFollowed = 0;
            int index = 0;
            while (index < queue.Count)
            {
                string next = Path.Combine(current, queue[index]);
                index++;

                FileSystemInfo info = new FileInfo(next);
                string? target;
                try
                {
                    target = info.LinkTarget;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    return null;
                }

                if (target == null)
                {
                    current = next;
                    continue;
                }

                if (++linksFollowed > MaxLinksFollowed)
                {
                    return null;
                }

                // Continue with the link's target in place of the link, then the rest of the path.
                string resolvedTarget = Path.GetFullPath(Path.Combine(current, target));
                string targetRoot = Path.GetPathRoot(resolvedTarget) ?? string.Empty;
                var rest = queue.GetRange(index, queue.Count - index);
                queue.Clear();
                queue.AddRange(resolvedTarget.Substring(targetRoot.Length).Split(new[] { Path.DirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries));
                queue.AddRange(rest);
                index = 0;
                current = targetRoot;
            }

            return TrimSeparator(current);
#else
            // NOTE: netstandard2.0 has no API to read a link's target, so the .NET Framework task does
            // not follow links here and treats each path as written.
            return Path.GetFullPath(path);
#endif
        }

        private static bool IsInside(string path, string root)
        {
            if (string.Equals(TrimSeparator(path), root, PathComparison))
            {
                return true;
            }

            string prefix = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
                ? root
                : root + Path.DirectorySeparatorChar;
            return path.StartsWith(prefix, PathComparison);
        }

        private static string TrimSeparator(string path)
        {
            string root = Path.GetPathRoot(path) ?? string.Empty;
            return path.Length > root.Length ? path.TrimEnd(Path.DirectorySeparatorChar) : path;
        }
    }
}
