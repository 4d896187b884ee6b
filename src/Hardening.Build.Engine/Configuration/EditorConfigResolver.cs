using System;
using System.Collections.Generic;
using System.IO;
using Hardening.Build.Files;

namespace Hardening.Build.Configuration
{
    /// <summary>The .editorconfig properties that apply to one file, and the sections they came from.</summary>
    internal sealed class EditorConfigProperties
    {
        public EditorConfigProperties(IReadOnlyDictionary<string, EditorConfigProperty> properties, IReadOnlyList<string> appliedSections)
        {
            Properties = properties;
            AppliedSections = appliedSections;
        }

        /// <summary>The winning value of each lower-case key.</summary>
        public IReadOnlyDictionary<string, EditorConfigProperty> Properties { get; }

        /// <summary>Each matching section as <c>path:line [glob]</c>, farthest file first.</summary>
        public IReadOnlyList<string> AppliedSections { get; }

        public EditorConfigProperty? Get(string key) =>
            Properties.TryGetValue(key.ToLowerInvariant(), out EditorConfigProperty? property) ? property : null;
    }

    /// <summary>
    /// Finds the .editorconfig files that apply to a file, as EditorConfig does: from the file's folder up
    /// to the file system root, stopping after a file with <c>root = true</c>. Nearer files win over
    /// farther ones, and later sections in a file win over earlier ones. Each file is read and parsed once.
    /// </summary>
    internal sealed class EditorConfigResolver
    {
        private const string FileName = ".editorconfig";

        private readonly IFileSystem _fileSystem;
        private readonly Dictionary<string, EditorConfigFile?> _files = new Dictionary<string, EditorConfigFile?>(StringComparer.Ordinal);
        private readonly Dictionary<string, EditorConfigProperties> _resolved = new Dictionary<string, EditorConfigProperties>(StringComparer.Ordinal);

        public EditorConfigResolver(IFileSystem fileSystem)
        {
            _fileSystem = fileSystem;
        }

        /// <summary>Every .editorconfig file read so far, for logging and up-to-date checks.</summary>
        public IEnumerable<string> ReadFiles
        {
            get
            {
                foreach (KeyValuePair<string, EditorConfigFile?> entry in _files)
                {
                    if (entry.Value != null)
                    {
                        yield return entry.Key;
                    }
                }
            }
        }

        public EditorConfigProperties Resolve(string filePath)
        {
            if (_resolved.TryGetValue(filePath, out EditorConfigProperties? known))
            {
                return known;
            }

            List<EditorConfigFile> chain = FindFiles(filePath);
            var properties = new Dictionary<string, EditorConfigProperty>(StringComparer.Ordinal);
            var applied = new List<string>();

            // The chain runs from the nearest file outward, so apply it backwards to let nearer files win.
            for (int i = chain.Count - 1; i >= 0; i--)
            {
                EditorConfigFile file = chain[i];
                string relativePath = RelativePath(Path.GetDirectoryName(file.Path)!, filePath);
                foreach (EditorConfigSection section in file.Sections)
                {
                    if (!section.Glob.IsMatch(relativePath))
                    {
                        continue;
                    }

                    applied.Add($"{file.Path}:{section.Line} [{section.Glob.Pattern}]");
                    foreach (EditorConfigProperty property in section.Properties)
                    {
                        properties[property.Key] = property;
                    }
                }
            }

            var result = new EditorConfigProperties(properties, applied);
            _resolved[filePath] = result;
            return result;
        }

        private List<EditorConfigFile> FindFiles(string filePath)
        {
            var chain = new List<EditorConfigFile>();
            string? directory = Path.GetDirectoryName(filePath);
            while (!string.IsNullOrEmpty(directory))
            {
                EditorConfigFile? file = Load(Path.Combine(directory, FileName));
                if (file != null)
                {
                    chain.Add(file);
                    if (file.IsRoot)
                    {
                        break;
                    }
                }

                directory = Path.GetDirectoryName(directory);
            }

            return chain;
        }

        private EditorConfigFile? Load(string path)
        {
            if (_files.TryGetValue(path, out EditorConfigFile? known))
            {
                return known;
            }

            EditorConfigFile? file = null;
            if (_fileSystem.FileExists(path))
            {
                SourceFile source = _fileSystem.Read(path);

                // NOTE: an unreadable .editorconfig is skipped like a missing one, as editors do.
                if (source.Text != null)
                {
                    file = EditorConfigFile.Parse(path, source.Text);
                }
            }

            _files[path] = file;
            return file;
        }

        /// <summary>The path of <paramref name="filePath"/> below <paramref name="directory"/>, with <c>/</c> separators.</summary>
        private static string RelativePath(string directory, string filePath)
        {
            string relative = filePath.Substring(directory.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            return Path.DirectorySeparatorChar == '\\' ? relative.Replace('\\', '/') : relative;
        }
    }
}
