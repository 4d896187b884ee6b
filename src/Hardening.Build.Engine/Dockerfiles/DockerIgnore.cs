using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Hardening.Build.Files;

namespace Hardening.Build.Dockerfiles
{
    /// <summary>
    /// The .dockerignore file of a build context, with BuildKit's pattern rules: each line is a Go
    /// filepath.Match pattern relative to the context (a leading <c>/</c> is dropped), <c>**</c> matches
    /// any number of folders, a pattern that matches a folder also excludes everything under it, a
    /// leading <c>!</c> makes an exception, and the last matching line wins.
    /// </summary>
    public sealed class DockerIgnore
    {
        private readonly List<IgnorePattern> _patterns;

        private DockerIgnore(string? filePath, List<IgnorePattern> patterns)
        {
            FilePath = filePath;
            _patterns = patterns;
        }

        /// <summary>The context has no ignore file, so every file of the context is sent to the build.</summary>
        public static DockerIgnore Missing { get; } = new DockerIgnore(null, new List<IgnorePattern>());

        /// <summary>The ignore file that applies; null for <see cref="Missing"/>.</summary>
        public string? FilePath { get; }

        public static DockerIgnore Parse(string? filePath, string text)
        {
            var patterns = new List<IgnorePattern>();
            foreach (string rawLine in text.Split('\n'))
            {
                string line = rawLine.Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                bool exception = line[0] == '!';
                if (exception)
                {
                    line = line.Substring(1).Trim();
                }

                string cleaned = Clean(line);
                if (cleaned.Length > 0)
                {
                    patterns.Add(new IgnorePattern(cleaned, exception));
                }
            }

            return new DockerIgnore(filePath, patterns);
        }

        /// <summary>
        /// Reads the ignore file that BuildKit uses for a Dockerfile and a context: <c>&lt;Dockerfile&gt;.dockerignore</c>
        /// beside the Dockerfile first, then <c>.dockerignore</c> at the context root.
        /// </summary>
        /// <param name="dockerfilePath">The Dockerfile's path; null for a Dockerfile written inline in a Compose file.</param>
        public static DockerIgnore Load(IFileSystem fileSystem, string? dockerfilePath, string contextDirectory)
        {
            var candidates = new List<string>();
            if (dockerfilePath != null)
            {
                candidates.Add(dockerfilePath + ".dockerignore");
            }

            candidates.Add(Path.Combine(contextDirectory, ".dockerignore"));
            foreach (string candidate in candidates)
            {
                if (!fileSystem.FileExists(candidate))
                {
                    continue;
                }

                SourceFile source = fileSystem.Read(candidate);
                return source.Text == null ? Missing : Parse(candidate, source.Text);
            }

            return Missing;
        }

        /// <summary>Whether a path relative to the context, written with <c>/</c>, is left out of the build context.</summary>
        public bool IsExcluded(string relativePath)
        {
            string path = Clean(relativePath);
            bool excluded = false;
            foreach (IgnorePattern pattern in _patterns)
            {
                if (pattern.MatchesOrParentMatches(path))
                {
                    excluded = !pattern.IsException;
                }
            }

            return excluded;
        }

        private static string Clean(string pattern)
        {
            var parts = new List<string>();
            foreach (string part in pattern.Split('/'))
            {
                if (part.Length == 0 || part == ".")
                {
                    continue;
                }

                if (part == ".." && parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }

                parts.Add(part);
            }

            return string.Join("/", parts);
        }

        private sealed class IgnorePattern
        {
            private readonly Regex _regex;

            public IgnorePattern(string pattern, bool isException)
            {
                IsException = isException;
                _regex = new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant);
            }

            public bool IsException { get; }

            public bool MatchesOrParentMatches(string path)
            {
                if (_regex.IsMatch(path))
                {
                    return true;
                }

                for (int slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
                {
                    if (_regex.IsMatch(path.Substring(0, slash)))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string ToRegex(string pattern)
            {
                var regex = new StringBuilder();
                int i = 0;
                while (i < pattern.Length)
                {
                    char ch = pattern[i];
                    if (ch == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
                    {
                        // `**/` matches zero or more folders; a final `**` matches everything below.
                        bool slashFollows = i + 2 < pattern.Length && pattern[i + 2] == '/';
                        regex.Append(slashFollows ? "(.*/)?" : ".*");
                        i += slashFollows ? 3 : 2;
                    }
                    else if (ch == '*')
                    {
                        regex.Append("[^/]*");
                        i++;
                    }
                    else if (ch == '?')
                    {
                        regex.Append("[^/]");
                        i++;
                    }
                    else if (ch == '[')
                    {
                        int end = pattern.IndexOf(']', i + 1);
                        if (end < 0)
                        {
                            regex.Append(@"\[");
                            i++;
                            continue;
                        }

                        string set = pattern.Substring(i + 1, end - i - 1);
                        if (set.StartsWith("^", StringComparison.Ordinal))
                        {
                            set = "!" + set.Substring(1);
                        }

                        regex.Append('[').Append(set.StartsWith("!", StringComparison.Ordinal) ? "^" + set.Substring(1).Replace(@"\", @"\\") : set.Replace(@"\", @"\\")).Append(']');
                        i = end + 1;
                    }
                    else if (ch == '\\' && i + 1 < pattern.Length)
                    {
                        regex.Append(Regex.Escape(pattern[i + 1].ToString()));
                        i += 2;
                    }
                    else
                    {
                        regex.Append(Regex.Escape(ch.ToString()));
                        i++;
                    }
                }

                return regex.ToString();
            }
        }
    }
}
