using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;

namespace Hardening.Build.Tasks
{
    /// <summary>
    /// The findings of the last check, kept in obj/ with everything they depend on: the task's parameters
    /// and the state of every path the check read or looked for. When nothing of that changed, a no-op
    /// build logs the kept lines again instead of checking, and does not load the engine at all.
    /// </summary>
    /// <remarks>
    /// A path's state is whether it is a file, a folder or missing, and a file's length, last write time
    /// and content hash. The file read for the hash may already differ from the one the check read, if
    /// it was written during the check. So a check whose inputs were written less than
    /// <see cref="RacyWindow"/> before it started is not kept.
    /// </remarks>
    internal sealed class CheckResultCache
    {
        /// <summary>The first line of the file; a different line, as from another format, is a miss.</summary>
        internal const string Header = "Hardening.Build result cache 2";

        /// <summary>Longer than the coarsest common timestamp resolution: 2 s on FAT, 1 s on ext3 and HFS+.</summary>
        internal static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(3);

        private CheckResultCache(string key, List<KeyValuePair<string, string>> paths, List<TaskLogEntry> entries)
        {
            Key = key;
            Paths = paths;
            Entries = entries;
        }

        /// <summary>The task's parameters and the build's settings, as <see cref="CheckContainerHardening.CacheKey"/> writes them.</summary>
        public string Key { get; }

        /// <summary>Each path the check read or looked for, with its state then.</summary>
        public List<KeyValuePair<string, string>> Paths { get; }

        /// <summary>What the check logged, in order.</summary>
        public List<TaskLogEntry> Entries { get; }

        /// <summary>Reads the cache file; null when it is missing or not in this format.</summary>
        public static CheckResultCache? Read(string cacheFile)
        {
            if (!File.Exists(cacheFile))
            {
                return null;
            }

            string[] lines = File.ReadAllLines(cacheFile, Encoding.UTF8);
            if (lines.Length < 3 || lines[0] != Header)
            {
                return null;
            }

            string key = Unescape(lines[1]);
            int index = 2;
            int pathCount = ReadCount(lines, ref index, "paths");
            var paths = new List<KeyValuePair<string, string>>(pathCount);
            for (int i = 0; i < pathCount; i++)
            {
                string[] fields = Fields(lines, index++, 2);
                paths.Add(new KeyValuePair<string, string>(Unescape(fields[0]), fields[1]));
            }

            int entryCount = ReadCount(lines, ref index, "entries");
            var entries = new List<TaskLogEntry>(entryCount);
            for (int i = 0; i < entryCount; i++)
            {
                string[] fields = Fields(lines, index++, 8);
                entries.Add(new TaskLogEntry(
                    (TaskLogKind)int.Parse(fields[0], CultureInfo.InvariantCulture),
                    (MessageImportance)int.Parse(fields[1], CultureInfo.InvariantCulture),
                    NullIfEmpty(Unescape(fields[2])),
                    NullIfEmpty(Unescape(fields[3])),
                    NullIfEmpty(Unescape(fields[4])),
                    int.Parse(fields[5], CultureInfo.InvariantCulture),
                    int.Parse(fields[6], CultureInfo.InvariantCulture),
                    Unescape(fields[7])));
            }

            return new CheckResultCache(key, paths, entries);
        }

        /// <summary>
        /// Returns the first path whose state differs from the kept one, or null when every path is as the
        /// check saw it.
        /// </summary>
        public string? FirstChangedPath()
        {
            foreach (KeyValuePair<string, string> path in Paths)
            {
                if (StateOf(path.Key, out _) != path.Value)
                {
                    return path.Key;
                }
            }

            return null;
        }

        /// <summary>
        /// Writes the cache for a check that started at <paramref name="checkStartedUtc"/>. Returns false, and
        /// writes nothing, when a path was written too close to that time to tell a later change apart.
        /// </summary>
        public static bool Write(string cacheFile, string key, IEnumerable<string> paths, List<TaskLogEntry> entries, DateTime checkStartedUtc)
        {
            var text = new StringBuilder();
            text.Append(Header).Append('\n');
            text.Append(Escape(key)).Append('\n');

            var states = new List<string>();
            foreach (string path in paths)
            {
                string state = StateOf(path, out DateTime lastWriteUtc);
                if (lastWriteUtc > checkStartedUtc - RacyWindow)
                {
                    return false;
                }

                states.Add(Escape(path) + "\t" + state);
            }

            text.Append("paths ").Append(states.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (string state in states)
            {
                text.Append(state).Append('\n');
            }

            text.Append("entries ").Append(entries.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (TaskLogEntry entry in entries)
            {
                text.Append(((int)entry.Kind).ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(((int)entry.Importance).ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(Escape(entry.Code)).Append('\t')
                    .Append(Escape(entry.HelpLink)).Append('\t')
                    .Append(Escape(entry.File)).Append('\t')
                    .Append(entry.Line.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(entry.Column.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(Escape(entry.Text)).Append('\n');
            }

            WriteReplacing(cacheFile, text.ToString());
            return true;
        }

        /// <summary>
        /// Deletes the cache file, so that the next build checks in full. A file in use or an invalid path
        /// is left alone, because this runs while the task reports another failure.
        /// </summary>
        public static void Delete(string cacheFile)
        {
            try
            {
                File.Delete(cacheFile);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
            }
        }

        /// <summary>
        /// The state of a path: <c>f LENGTH TICKS HASH</c> for a file, <c>d</c> for a folder, <c>-</c> when
        /// missing. A symbolic link gives the state of its target. The hash of the content catches an edit
        /// that keeps the length and the time, as <c>cp -p</c>, <c>rsync -t</c> or <c>touch -r</c> can.
        /// </summary>
        internal static string StateOf(string path, out DateTime lastWriteUtc) => StateOf(path, hashContent: true, out lastWriteUtc);

        /// <summary>
        /// The state of a path, with or without the content hash. Files that only a new install replaces,
        /// such as the package's own assemblies, need no hash, and hashing them would cost every replay.
        /// </summary>
        internal static string StateOf(string path, bool hashContent, out DateTime lastWriteUtc)
        {
            var file = new FileInfo(path);
            if (file.Exists)
            {
                lastWriteUtc = file.LastWriteTimeUtc;
                string state = "f " + file.Length.ToString(CultureInfo.InvariantCulture)
                    + " " + lastWriteUtc.Ticks.ToString(CultureInfo.InvariantCulture);
                return hashContent ? state + " " + HashFile(path) : state;
            }

            lastWriteUtc = DateTime.MinValue;
            return Directory.Exists(path) ? "d" : "-";
        }

        /// <summary>FNV-1a, 64 bits, of the file's bytes; <c>unreadable</c> when it cannot be read.</summary>
        private static string HashFile(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return "unreadable";
            }

            ulong hash = 14695981039346656037UL;
            foreach (byte b in bytes)
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }

        /// <summary>The SHA-256 of the text as UTF-8, in hexadecimal: a value that can be compared but not read back.</summary>
        internal static string HashText(string text)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var hex = new StringBuilder(hash.Length * 2);
            foreach (byte b in hash)
            {
                hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        /// <summary>
        /// Writes through a temporary file beside the target, so that a build that reads the cache while
        /// another writes it reads the old file or the new one, never half of one.
        /// </summary>
        private static void WriteReplacing(string path, string text)
        {
            string? directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            try
            {
#if NETFRAMEWORK
                if (File.Exists(path))
                {
                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
                }
#else
                File.Move(temporary, path, overwrite: true);
#endif
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        private static int ReadCount(string[] lines, ref int index, string name)
        {
            if (index >= lines.Length || !lines[index].StartsWith(name + " ", StringComparison.Ordinal))
            {
                throw new FormatException($"The result cache has no '{name}' line where one was expected.");
            }

            int count = int.Parse(lines[index].Substring(name.Length + 1), CultureInfo.InvariantCulture);
            index++;
            if (count < 0 || count > lines.Length - index)
            {
                throw new FormatException($"The result cache declares {count} {name}, but only {lines.Length - index} lines follow.");
            }

            return count;
        }

        private static string[] Fields(string[] lines, int index, int count)
        {
            string[] fields = lines[index].Split('\t');
            if (fields.Length != count)
            {
                throw new FormatException($"Line {index + 1} of the result cache has {fields.Length} fields, not {count}.");
            }

            return fields;
        }

        private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

        /// <summary>Escapes the backslash, tab, line feed and carriage return, so that each value stays one field.</summary>
        internal static string Escape(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            var escaped = new StringBuilder(value!.Length + 8);
            foreach (char c in value)
            {
                switch (c)
                {
                    case '\\': escaped.Append("\\\\"); break;
                    case '\t': escaped.Append("\\t"); break;
                    case '\n': escaped.Append("\\n"); break;
                    case '\r': escaped.Append("\\r"); break;
                    default: escaped.Append(c); break;
                }
            }

            return escaped.ToString();
        }

        internal static string Unescape(string value)
        {
            if (value.IndexOf('\\') < 0)
            {
                return value;
            }

            var text = new StringBuilder(value.Length);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c != '\\' || i + 1 == value.Length)
                {
                    text.Append(c);
                    continue;
                }

                char next = value[++i];
                switch (next)
                {
                    case 't': text.Append('\t'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    default: text.Append(next); break;
                }
            }

            return text.ToString();
        }
    }
}
