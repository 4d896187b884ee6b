using System;
using System.Collections.Generic;
using System.IO;

namespace Hardening.Build.Compose
{
    /// <summary>
    /// Forms Compose projects from the checked Compose files the way <c>docker compose</c> picks files in a
    /// folder: the first of compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml with the
    /// first override file beside it. Every other file is a project of its own unless a declared
    /// project lists it, so no file goes unchecked.
    /// </summary>
    public static class ComposeProjectDiscovery
    {
        public static readonly string[] BaseFileNames =
        {
            "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml",
        };

        public static readonly string[] OverrideFileNames =
        {
            "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml",
        };

        /// <param name="composeFiles">Absolute paths of the checked Compose files.</param>
        /// <param name="declared">Projects the user or Visual Studio's docker-compose.dcproj declares.</param>
        /// <param name="replacesDefault">Base files whose default pairing a declared project replaces.</param>
        public static IReadOnlyList<ComposeProjectSpec> Group(
            IReadOnlyList<string> composeFiles,
            IReadOnlyList<ComposeProjectSpec> declared,
            ISet<string> replacesDefault)
        {
            var projects = new List<ComposeProjectSpec>(declared);
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            foreach (ComposeProjectSpec spec in declared)
            {
                claimed.UnionWith(spec.Files);
            }

            var byDirectory = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var directories = new List<string>();
            foreach (string file in composeFiles)
            {
                string directory = Path.GetDirectoryName(file) ?? string.Empty;
                if (!byDirectory.TryGetValue(directory, out List<string>? files))
                {
                    files = new List<string>();
                    byDirectory[directory] = files;
                    directories.Add(directory);
                }

                if (!files.Contains(file))
                {
                    files.Add(file);
                }
            }

            foreach (string directory in directories)
            {
                List<string> files = byDirectory[directory];
                string? baseFile = FirstNamed(files, BaseFileNames);
                string? overrideFile = FirstNamed(files, OverrideFileNames);
                var used = new HashSet<string>(StringComparer.Ordinal);
                if (baseFile != null && !replacesDefault.Contains(baseFile))
                {
                    var pair = new List<string> { baseFile };
                    used.Add(baseFile);
                    if (overrideFile != null)
                    {
                        pair.Add(overrideFile);
                        used.Add(overrideFile);
                    }

                    if (!SameFilesAsAny(pair, declared))
                    {
                        projects.Add(new ComposeProjectSpec(Path.GetFileName(directory), pair, directory));
                    }
                }
                else if (baseFile != null)
                {
                    used.Add(baseFile);
                    if (overrideFile != null)
                    {
                        used.Add(overrideFile);
                    }
                }

                foreach (string file in files)
                {
                    if (!used.Contains(file) && !claimed.Contains(file))
                    {
                        projects.Add(new ComposeProjectSpec(Path.GetFileName(file), new[] { file }, directory));
                    }
                }
            }

            return projects;
        }

        private static string? FirstNamed(List<string> files, string[] names)
        {
            foreach (string name in names)
            {
                foreach (string file in files)
                {
                    if (string.Equals(Path.GetFileName(file), name, StringComparison.Ordinal))
                    {
                        return file;
                    }
                }
            }

            return null;
        }

        private static bool SameFilesAsAny(List<string> files, IReadOnlyList<ComposeProjectSpec> declared)
        {
            foreach (ComposeProjectSpec spec in declared)
            {
                if (spec.Files.Count != files.Count)
                {
                    continue;
                }

                bool same = true;
                for (int i = 0; i < files.Count && same; i++)
                {
                    same = string.Equals(spec.Files[i], files[i], StringComparison.Ordinal);
                }

                if (same)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
