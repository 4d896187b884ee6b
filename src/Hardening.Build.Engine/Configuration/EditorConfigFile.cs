using System;
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

        public static EditorConfigFile Parse(string path, string text)
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
