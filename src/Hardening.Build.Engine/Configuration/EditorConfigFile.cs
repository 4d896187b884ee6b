using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Hardening.Build.Configuration
{
    /// <summary>One <c>key = value</c> line of an .editorconfig file.</summary>
    internal sealed class EditorConfigProperty
    {
        public EditorConfigProperty(string key, string value, SourceLocation location)
        {
            Key = key;
            Value = value;
            Location = location;
        }

        /// <summary>The key in lower case, because EditorConfig keys are case-insensitive.</summary>
        public string Key { get; }

        /// <summary>The value, trimmed.</summary>
        public string Value { get; }

        /// <summary>Where the value starts.</summary>
        public SourceLocation Location { get; }
    }

    /// <summary>A <c>[glob]</c> section and its properties in file order.</summary>
    internal sealed class EditorConfigSection
    {
        public EditorConfigSection(EditorConfigGlob glob, int line, IReadOnlyList<EditorConfigProperty> properties)
        {
            Glob = glob;
            Line = line;
            Properties = properties;
        }

        public EditorConfigGlob Glob { get; }

        public int Line { get; }

        public IReadOnlyList<EditorConfigProperty> Properties { get; }
    }

    /// <summary>
    /// A parsed .editorconfig file. Lines are a <c>[section]</c>, a <c>key = value</c> or <c>key: value</c>
    /// pair, or a comment that starts with <c>#</c> or <c>;</c>. As in Roslyn's reader, text from a
    /// <c>#</c> or <c>;</c> after a value is a comment too. Other lines are ignored.
    /// </summary>
    internal sealed class EditorConfigFile
    {
        // Every project of a solution reads the same .editorconfig files, so a parsed file is shared by
        // all checks in the process while its text stays the same. A parsed file is immutable. Only
        // files of at most 64 K characters, and at most 256 of them, are kept, so memory stays bounded.
        private const int MaxCachedFiles = 256;
        private const int MaxCachedLength = 64 * 1024;
        private static readonly ConcurrentDictionary<string, KeyValuePair<string, EditorConfigFile>> s_parsed =
            new ConcurrentDictionary<string, KeyValuePair<string, EditorConfigFile>>(StringComparer.Ordinal);

        private EditorConfigFile(string path, bool isRoot, IReadOnlyList<EditorConfigSection> sections)
        {
            Path = path;
            IsRoot = isRoot;
            Sections = sections;
        }

        public string Path { get; }

        /// <summary>Whether the preamble sets <c>root = true</c>, which stops the search for files in parent folders.</summary>
        public bool IsRoot { get; }

        public IReadOnlyList<EditorConfigSection> Sections { get; }

        /// <summary>Parses the text of the file at <paramref name="path"/>, or returns the same file parsed before from the same text.</summary>
        public static EditorConfigFile Parse(string path, string text)
        {
            if (s_parsed.TryGetValue(path, out KeyValuePair<string, EditorConfigFile> known) && string.Equals(known.Key, text, StringComparison.Ordinal))
            {
                return known.Value;
            }

            EditorConfigFile file = ParseText(path, text);
            if (text.Length <= MaxCachedLength && (s_parsed.Count < MaxCachedFiles || s_parsed.ContainsKey(path)))
            {
                s_parsed[path] = new KeyValuePair<string, EditorConfigFile>(text, file);
            }

            return file;
        }

        private static EditorConfigFile ParseText(string path, string text)
        {
            bool isRoot = false;
            var sections = new List<EditorConfigSection>();
            EditorConfigGlob? glob = null;
            int sectionLine = 0;
            var properties = new List<EditorConfigProperty>();

            string[] lines = text.Split('\n');
            for (int index = 0; index < lines.Length; index++)
            {
                string line = lines[index].TrimEnd('\r');
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';')
                {
                    continue;
                }

                if (trimmed[0] == '[')
                {
                    int close = trimmed.LastIndexOf(']');
                    if (close <= 0)
                    {
                        continue;
                    }

                    if (glob != null)
                    {
                        sections.Add(new EditorConfigSection(glob, sectionLine, properties));
                    }

                    glob = EditorConfigGlob.Parse(trimmed.Substring(1, close - 1));
                    sectionLine = index + 1;
                    properties = new List<EditorConfigProperty>();
                    continue;
                }

                if (!TryParseProperty(path, index + 1, line, out EditorConfigProperty? property))
                {
                    continue;
                }

                if (glob == null)
                {
                    isRoot |= property!.Key == "root" && string.Equals(property.Value, "true", StringComparison.OrdinalIgnoreCase);
                }
                else
                {
                    properties.Add(property!);
                }
            }

            if (glob != null)
            {
                sections.Add(new EditorConfigSection(glob, sectionLine, properties));
            }

            return new EditorConfigFile(path, isRoot, sections);
        }

        private static bool TryParseProperty(string path, int lineNumber, string line, out EditorConfigProperty? property)
        {
            property = null;
            int separator = line.IndexOfAny(new[] { '=', ':' });
            if (separator <= 0)
            {
                return false;
            }

            string key = line.Substring(0, separator).Trim();
            if (key.Length == 0)
            {
                return false;
            }

            int valueStart = separator + 1;
            int comment = line.IndexOfAny(new[] { '#', ';' }, valueStart);
            string rawValue = comment < 0 ? line.Substring(valueStart) : line.Substring(valueStart, comment - valueStart);
            string value = rawValue.Trim();
            int column = valueStart + (rawValue.Length - rawValue.TrimStart().Length) + 1;

            property = new EditorConfigProperty(key.ToLowerInvariant(), value, new SourceLocation(path, lineNumber, column));
            return true;
        }
    }
}
