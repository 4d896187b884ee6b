using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hardening.Build.Configuration
{
    /// <summary>
    /// An EditorConfig section name compiled to a regular expression. It supports <c>*</c>, <c>**</c>,
    /// <c>?</c>, <c>[abc]</c>, <c>[!abc]</c>, <c>{a,b}</c>, <c>{1..3}</c> and <c>\</c> escapes, as the
    /// EditorConfig specification defines them.
    /// </summary>
    internal sealed class EditorConfigGlob
    {
        private static readonly Regex s_numericRange = new Regex(@"^([+-]?\d+)\.\.([+-]?\d+)$", RegexOptions.CultureInvariant);

        // Building a Regex costs tens of microseconds, more than matching, and every project of a
        // solution reads the same .editorconfig files, so compiled section names are shared by all checks
        // in the process. A glob is immutable, so sharing is safe. The bound keeps memory flat when files
        // with many distinct sections are checked.
        private const int MaxCachedGlobs = 4096;
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, EditorConfigGlob> s_cache =
            new System.Collections.Concurrent.ConcurrentDictionary<string, EditorConfigGlob>(StringComparer.Ordinal);

        private readonly Regex _regex;
        private readonly List<NumericRange> _ranges;

        private EditorConfigGlob(string pattern, Regex regex, List<NumericRange> ranges)
        {
            Pattern = pattern;
            _regex = regex;
            _ranges = ranges;
        }

        /// <summary>The section name as written.</summary>
        public string Pattern { get; }

        /// <summary>
        /// Compiles a section name. A name without <c>/</c> matches a file name in any folder below the
        /// .editorconfig file; a name with <c>/</c> is relative to that folder, with or without a leading <c>/</c>.
        /// </summary>
        public static EditorConfigGlob Parse(string sectionName)
        {
            if (s_cache.TryGetValue(sectionName, out EditorConfigGlob? cached))
            {
                return cached;
            }

            EditorConfigGlob glob = Build(sectionName);
            if (s_cache.Count < MaxCachedGlobs)
            {
                s_cache.TryAdd(sectionName, glob);
            }

            return glob;
        }

        private static EditorConfigGlob Build(string sectionName)
        {
            string pattern = sectionName;
            if (pattern.IndexOf('/') < 0)
            {
                pattern = "**/" + pattern;
            }
            else if (pattern[0] == '/')
            {
                pattern = pattern.Substring(1);
            }

            var ranges = new List<NumericRange>();
            var regex = new StringBuilder("^");
            Compile("/" + pattern, regex, ranges);
            regex.Append('$');
            return new EditorConfigGlob(sectionName, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline), ranges);
        }

        /// <summary>Tests a path relative to the .editorconfig folder, with <c>/</c> separators and no leading <c>/</c>.</summary>
        public bool IsMatch(string relativePath)
        {
            Match match = _regex.Match("/" + relativePath);
            if (!match.Success)
            {
                return false;
            }

            // A regular expression cannot compare numbers, so each {n1..n2} captures digits and is checked here.
            foreach (NumericRange range in _ranges)
            {
                Group group = match.Groups[range.GroupName];
                if (!group.Success)
                {
                    continue;
                }

                if (!long.TryParse(group.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number)
                    || number < range.Minimum
                    || number > range.Maximum)
                {
                    return false;
                }
            }

            return true;
        }

        private static void Compile(string pattern, StringBuilder regex, List<NumericRange> ranges)
        {
            int i = 0;
            while (i < pattern.Length)
            {
                char c = pattern[i];
                switch (c)
                {
                    case '\\':
                        if (i + 1 < pattern.Length)
                        {
                            regex.Append(Regex.Escape(pattern[i + 1].ToString()));
                            i += 2;
                        }
                        else
                        {
                            regex.Append(@"\\");
                            i++;
                        }

                        break;

                    case '/':
                        // "/**/" also matches a single "/", so "a/**/b" matches "a/b".
                        if (string.CompareOrdinal(pattern, i, "/**/", 0, 4) == 0)
                        {
                            regex.Append("(?:/|/.*/)");
                            i += 4;
                        }
                        else
                        {
                            regex.Append('/');
                            i++;
                        }

                        break;

                    case '*':
                        if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                        {
                            regex.Append(".*");
                            i += 2;
                        }
                        else
                        {
                            regex.Append("[^/]*");
                            i++;
                        }

                        break;

                    case '?':
                        regex.Append("[^/]");
                        i++;
                        break;

                    case '[':
                        i = CompileBracket(pattern, i, regex);
                        break;

                    case '{':
                        i = CompileBrace(pattern, i, regex, ranges);
                        break;

                    default:
                        regex.Append(Regex.Escape(c.ToString()));
                        i++;
                        break;
                }
            }
        }

        /// <summary>Compiles <c>[...]</c> at <paramref name="start"/>; an unclosed bracket, or one with <c>/</c> inside, is a literal <c>[</c>.</summary>
        private static int CompileBracket(string pattern, int start, StringBuilder regex)
        {
            int close = pattern.IndexOf(']', start + 1);
            if (close < 0 || pattern.IndexOf('/', start + 1, close - start - 1) >= 0)
            {
                regex.Append(@"\[");
                return start + 1;
            }

            string content = pattern.Substring(start + 1, close - start - 1);
            bool negated = content.Length > 0 && (content[0] == '!' || content[0] == '^');
            if (negated)
            {
                content = content.Substring(1);
            }

            regex.Append(negated ? "[^/" : "[");
            foreach (char c in content)
            {
                if (c == '\\' || c == '[' || c == ']' || c == '^')
                {
                    regex.Append('\\');
                }

                regex.Append(c);
            }

            regex.Append(']');
            return close + 1;
        }

        /// <summary>
        /// Compiles <c>{...}</c> at <paramref name="start"/>: a numeric range, or alternatives separated by
        /// top-level commas. Braces with neither, such as <c>{single}</c> or <c>{}</c>, and an unclosed
        /// brace match themselves.
        /// </summary>
        private static int CompileBrace(string pattern, int start, StringBuilder regex, List<NumericRange> ranges)
        {
            int close = FindClosingBrace(pattern, start);
            if (close < 0)
            {
                regex.Append(@"\{");
                return start + 1;
            }

            string content = pattern.Substring(start + 1, close - start - 1);
            Match range = s_numericRange.Match(content);
            if (range.Success)
            {
                long first = long.Parse(range.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                long second = long.Parse(range.Groups[2].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                string groupName = "range" + ranges.Count.ToString(CultureInfo.InvariantCulture);
                ranges.Add(new NumericRange(groupName, Math.Min(first, second), Math.Max(first, second)));
                regex.Append("(?<").Append(groupName).Append(@">[+-]?\d+)");
                return close + 1;
            }

            List<string> alternatives = SplitTopLevel(content);
            if (alternatives.Count < 2)
            {
                regex.Append(@"\{");
                Compile(content, regex, ranges);
                regex.Append(@"\}");
                return close + 1;
            }

            regex.Append("(?:");
            for (int i = 0; i < alternatives.Count; i++)
            {
                if (i > 0)
                {
                    regex.Append('|');
                }

                Compile(alternatives[i], regex, ranges);
            }

            regex.Append(')');
            return close + 1;
        }

        private static int FindClosingBrace(string pattern, int start)
        {
            int depth = 0;
            for (int i = start; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        private static List<string> SplitTopLevel(string content)
        {
            var parts = new List<string>();
            int depth = 0;
            int partStart = 0;
            for (int i = 0; i < content.Length; i++)
            {
                char c = content[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '{')
                {
                    depth++;
                }
                else if (c == '}')
                {
                    depth--;
                }
                else if (c == ',' && depth == 0)
                {
                    parts.Add(content.Substring(partStart, i - partStart));
                    partStart = i + 1;
                }
            }

            parts.Add(content.Substring(partStart));
            return parts;
        }

        private sealed class NumericRange
        {
            public NumericRange(string groupName, long minimum, long maximum)
            {
                GroupName = groupName;
                Minimum = minimum;
                Maximum = maximum;
            }

            public string GroupName { get; }

            public long Minimum { get; }

            public long Maximum { get; }
        }
    }
}
