using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Hardening.Build.Json;

namespace Hardening.Build.Configuration
{
    /// <summary>
    /// One baseline entry: findings with this code, file and message, and how many of them there were.
    /// Lines are not part of the key, so that editing a file above a finding keeps it baselined.
    /// </summary>
    public sealed class BaselineEntry
    {
        public BaselineEntry(string code, string file, string message, int count)
        {
            Code = code;
            File = file;
            Message = message;
            Count = count;
        }

        public string Code { get; }

        /// <summary>The path relative to the project folder with <c>/</c> separators; absolute for a file outside it.</summary>
        public string File { get; }

        /// <summary>The finding's message, with the project folder removed from paths and line and column numbers replaced by N.</summary>
        public string Message { get; }

        public int Count { get; }
    }

    /// <summary>
    /// The findings accepted when the baseline was written. A later check reports only findings beyond
    /// those, so a team can adopt the rules without fixing every old finding first.
    /// </summary>
    public sealed class Baseline
    {
        /// <summary>The format version written to and expected in the file.</summary>
        public const int FormatVersion = 1;

        private static readonly Regex s_lineOrColumn = new Regex(@"\b(line|column) \d+", RegexOptions.CultureInvariant);

        private readonly Dictionary<string, int> _remaining = new Dictionary<string, int>(StringComparer.Ordinal);

        private Baseline(IReadOnlyList<BaselineEntry> entries)
        {
            Entries = entries;
            foreach (BaselineEntry entry in entries)
            {
                string key = Key(entry.Code, entry.File, entry.Message);
                _remaining.TryGetValue(key, out int count);
                _remaining[key] = count + entry.Count;
            }
        }

        /// <summary>The entries sorted by file, code and message.</summary>
        public IReadOnlyList<BaselineEntry> Entries { get; }

        /// <summary>Builds a baseline of <paramref name="findings"/>, keyed relative to <paramref name="projectDirectory"/>.</summary>
        public static Baseline FromFindings(IEnumerable<Finding> findings, string? projectDirectory)
        {
            var counts = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
            foreach (Finding finding in findings)
            {
                string file = KeyPath(finding.Location.FilePath, projectDirectory);
                string message = KeyMessage(finding.Message, projectDirectory);
                string key = Key(finding.Code, file, message);
                int count = counts.TryGetValue(key, out BaselineEntry? known) ? known.Count : 0;
                counts[key] = new BaselineEntry(finding.Code, file, message, count + 1);
            }

            var entries = new List<BaselineEntry>(counts.Values);
            entries.Sort(Compare);
            return new Baseline(entries);
        }

        /// <summary>Reads the JSON that <see cref="ToJson"/> writes. Throws <see cref="FormatException"/> when the text is not such a baseline.</summary>
        public static Baseline Parse(string json)
        {
            if (!(JsonReader.Parse(json) is Dictionary<string, object?> root))
            {
                throw new FormatException("The baseline must be a JSON object.");
            }

            if (!root.TryGetValue("version", out object? version) || !(version is double number) || number != FormatVersion)
            {
                throw new FormatException($"The baseline must have \"version\": {FormatVersion}.");
            }

            if (!root.TryGetValue("findings", out object? list) || !(list is List<object?> items))
            {
                throw new FormatException("The baseline must have a \"findings\" array.");
            }

            var entries = new List<BaselineEntry>(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                if (!(items[i] is Dictionary<string, object?> item)
                    || !(Get(item, "code") is string code)
                    || !(Get(item, "file") is string file)
                    || !(Get(item, "message") is string message))
                {
                    throw new FormatException($"Entry {i + 1} of \"findings\" must have the strings \"code\", \"file\" and \"message\".");
                }

                int count = 1;
                if (Get(item, "count") is double countValue)
                {
                    if (countValue < 1 || countValue != Math.Floor(countValue))
                    {
                        throw new FormatException($"Entry {i + 1} of \"findings\" has count {countValue.ToString(CultureInfo.InvariantCulture)}; it must be a whole number of 1 or more.");
                    }

                    count = (int)countValue;
                }

                entries.Add(new BaselineEntry(code, file, message, count));
            }

            return new Baseline(entries);
        }

        /// <summary>Writes the baseline as stable JSON: sorted entries, two-space indents and line feeds.</summary>
        public string ToJson()
        {
            var writer = new JsonWriter();
            writer.StartObject();
            writer.Property("version", FormatVersion);
            writer.Property("tool", "Hardening.Build");
            writer.Name("findings").StartArray();
            foreach (BaselineEntry entry in Entries)
            {
                writer.StartObject()
                    .Property("code", entry.Code)
                    .Property("file", entry.File)
                    .Property("message", entry.Message)
                    .Property("count", entry.Count)
                    .EndObject();
            }

            writer.EndArray();
            writer.EndObject();
            return writer.ToString();
        }

        /// <summary>Returns whether an entry still covers <paramref name="finding"/>, and uses up one of its count if so.</summary>
        internal bool TryConsume(Finding finding, string? projectDirectory)
        {
            string key = Key(finding.Code, KeyPath(finding.Location.FilePath, projectDirectory), KeyMessage(finding.Message, projectDirectory));
            if (!_remaining.TryGetValue(key, out int count) || count == 0)
            {
                return false;
            }

            _remaining[key] = count - 1;
            return true;
        }

        internal static string KeyPath(string filePath, string? projectDirectory)
        {
            string path = filePath;
            if (!string.IsNullOrEmpty(projectDirectory))
            {
                string prefix = projectDirectory!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
                if (path.StartsWith(prefix, PathComparison))
                {
                    path = path.Substring(prefix.Length);
                }
            }

            return path.Replace('\\', '/');
        }

        private static string KeyMessage(string message, string? projectDirectory)
        {
            string text = message;
            if (!string.IsNullOrEmpty(projectDirectory))
            {
                string prefix = projectDirectory!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
                text = text.Replace(prefix, string.Empty);
            }

            return s_lineOrColumn.Replace(text, "$1 N");
        }

        private static StringComparison PathComparison =>
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        private static string Key(string code, string file, string message) => code.ToUpperInvariant() + "\n" + file + "\n" + message;

        private static object? Get(Dictionary<string, object?> item, string name) => item.TryGetValue(name, out object? value) ? value : null;

        private static int Compare(BaselineEntry left, BaselineEntry right)
        {
            int byFile = string.CompareOrdinal(left.File, right.File);
            if (byFile != 0)
            {
                return byFile;
            }

            int byCode = string.CompareOrdinal(left.Code, right.Code);
            return byCode != 0 ? byCode : string.CompareOrdinal(left.Message, right.Message);
        }
    }
}
