using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace Hardening.Build.Configuration
{
    /// <summary>Finds the suppression comments of a Dockerfile or a YAML file.</summary>
    internal static class SuppressionScanner
    {
        /// <summary>
        /// Whether the text contains the directive at all. Both directives start with the same
        /// case-sensitive word, so a file without it has no suppression and needs no scan.
        /// </summary>
        private static bool MayContainSuppression(string text) =>
            text.IndexOf(SuppressionComment.LineDirective, StringComparison.Ordinal) >= 0;

        /// <summary>
        /// Scans a Dockerfile. Only whole-line comments count, because a <c>#</c> inside an instruction is
        /// part of its arguments. Lines in <paramref name="excludedLines"/>, the bodies of heredocs, are
        /// not comments either.
        /// </summary>
        public static List<SuppressionComment> ScanDockerfile(string filePath, string text, ISet<int> excludedLines)
        {
            if (!MayContainSuppression(text))
            {
                return new List<SuppressionComment>();
            }

            string[] lines = SplitLines(text);
            var comments = new List<SuppressionComment>();
            for (int index = 0; index < lines.Length; index++)
            {
                int lineNumber = index + 1;
                if (excludedLines.Contains(lineNumber))
                {
                    continue;
                }

                string line = lines[index];
                int hash = CommentStart(line);
                if (hash < 0)
                {
                    continue;
                }

                SuppressionComment? comment = SuppressionComment.TryParse(line.Substring(hash + 1), new SourceLocation(filePath, lineNumber, hash + 1));
                if (comment != null)
                {
                    comment.TargetLine = NextCodeLine(lines, index);
                    comments.Add(comment);
                }
            }

            return comments;
        }

        /// <summary>
        /// Scans a YAML file with YamlDotNet's scanner, so that a <c>#</c> inside a quoted or block scalar is
        /// not taken for a comment. A comment at the end of a line applies to that line. A comment on a line
        /// of its own applies to the next line that is not a comment. Scanning stops at the
        /// first syntax error, which the loader reports.
        /// </summary>
        public static List<SuppressionComment> ScanYaml(string filePath, string text)
        {
            if (!MayContainSuppression(text))
            {
                return new List<SuppressionComment>();
            }

            string[] lines = SplitLines(text);
            var comments = new List<SuppressionComment>();
            var scanner = new Scanner(new StringReader(text), skipComments: false);
            try
            {
                while (scanner.MoveNext())
                {
                    // After a syntax error YamlDotNet's scanner can return Error tokens without end.
                    if (scanner.Current is Error)
                    {
                        break;
                    }

                    if (!(scanner.Current is Comment token))
                    {
                        continue;
                    }

                    int line = (int)token.Start.Line;
                    int column = (int)token.Start.Column;
                    SuppressionComment? comment = SuppressionComment.TryParse(token.Value, new SourceLocation(filePath, line, column));
                    if (comment != null)
                    {
                        comment.TargetLine = token.IsInline ? line : NextCodeLine(lines, line - 1);
                        comments.Add(comment);
                    }
                }
            }
            catch (Exception ex) when (ex is YamlException || ex is InvalidOperationException || ex is ArgumentException)
            {
                // The comments found before the error still apply. YamlDotNet 16.3.0's scanner throws
                // InvalidOperationException, not YamlException, inside some unclosed flow collections.
            }

            return comments;
        }

        private static string[] SplitLines(string text)
        {
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                lines[i] = lines[i].TrimEnd('\r');
            }

            return lines;
        }

        /// <summary>Returns the index of the <c>#</c> that starts a whole-line comment, or -1.</summary>
        private static int CommentStart(string line)
        {
            for (int i = 0; i < line.Length; i++)
            {
                if (line[i] == '#')
                {
                    return i;
                }

                if (!char.IsWhiteSpace(line[i]))
                {
                    return -1;
                }
            }

            return -1;
        }

        /// <summary>
        /// Returns the 1-based number of the first line after <paramref name="index"/> that is not a
        /// whole-line comment, so that several suppression comments can be stacked above one line. A blank
        /// line ends the search, so a comment never reaches past one. Returns 0 at the end of the file.
        /// </summary>
        private static int NextCodeLine(string[] lines, int index)
        {
            for (int next = index + 1; next < lines.Length; next++)
            {
                string trimmed = lines[next].Trim();
                if (trimmed.Length == 0 || trimmed[0] != '#')
                {
                    return next + 1;
                }
            }

            return 0;
        }
    }
}
