using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Hardening.Build.Configuration
{
    /// <summary>
    /// A <c># hardening-ignore CODE... -- reason</c> comment, which suppresses findings on the line it
    /// applies to, or a <c># hardening-ignore-file CODE... -- reason</c> comment, which suppresses them in
    /// the whole file.
    /// </summary>
    internal sealed class SuppressionComment
    {
        internal const string LineDirective = "hardening-ignore";
        private const string FileDirective = "hardening-ignore-file";

        private static readonly Regex s_code = new Regex("^[A-Za-z]+[0-9]+$", RegexOptions.CultureInvariant);

        private readonly HashSet<string> _usedCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        private SuppressionComment(SourceLocation location, bool isFileLevel, IReadOnlyList<string> codes, string? justification, string? error)
        {
            Location = location;
            IsFileLevel = isFileLevel;
            Codes = codes;
            Justification = justification;
            Error = error;
        }

        /// <summary>Where the <c>#</c> is.</summary>
        public SourceLocation Location { get; }

        public bool IsFileLevel { get; }

        /// <summary>The codes in upper case.</summary>
        public IReadOnlyList<string> Codes { get; }

        public string? Justification { get; }

        /// <summary>What is wrong with the comment, such as a token that is not a code; null when it is valid.</summary>
        public string? Error { get; }

        /// <summary>The line whose findings the comment suppresses; 0 for a file-level comment.</summary>
        public int TargetLine { get; set; }

        public IEnumerable<string> UnusedCodes
        {
            get
            {
                foreach (string code in Codes)
                {
                    if (!_usedCodes.Contains(code))
                    {
                        yield return code;
                    }
                }
            }
        }

        /// <summary>
        /// Parses the text after <c>#</c>. Returns null when the comment is not a suppression, so that
        /// comments such as <c># hardening-ignored files</c> stay plain comments.
        /// </summary>
        public static SuppressionComment? TryParse(string commentText, SourceLocation location)
        {
            string text = commentText.Trim();
            bool isFileLevel;
            string rest;
            if (StartsWithWord(text, FileDirective))
            {
                isFileLevel = true;
                rest = text.Substring(FileDirective.Length);
            }
            else if (StartsWithWord(text, LineDirective))
            {
                isFileLevel = false;
                rest = text.Substring(LineDirective.Length);
            }
            else
            {
                return null;
            }

            string? justification = null;
            int separator = rest.IndexOf(" --", StringComparison.Ordinal);
            if (separator >= 0 && (separator + 3 == rest.Length || char.IsWhiteSpace(rest[separator + 3])))
            {
                justification = rest.Substring(separator + 3).Trim();
                if (justification.Length == 0)
                {
                    justification = null;
                }

                rest = rest.Substring(0, separator);
            }

            var codes = new List<string>();
            var invalid = new List<string>();
            foreach (string token in rest.Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (s_code.IsMatch(token))
                {
                    codes.Add(token.ToUpperInvariant());
                }
                else
                {
                    invalid.Add(token);
                }
            }

            string directive = isFileLevel ? FileDirective : LineDirective;
            string? error = null;
            if (invalid.Count > 0)
            {
                error = $"The '{directive}' comment contains '{string.Join("', '", invalid)}', which is not a code, so the comment was ignored. Write codes such as HARD1001 separated by spaces or commas, and put the reason after ' -- '.";
            }
            else if (codes.Count == 0)
            {
                error = $"The '{directive}' comment names no code, so it suppresses nothing. Name the codes to suppress, for example '# {directive} HARD1001 -- reason'.";
            }

            return new SuppressionComment(location, isFileLevel, error == null ? codes : new string[0], justification, error);
        }

        public bool Covers(string code) => Codes.Contains(code.ToUpperInvariant());

        public void MarkUsed(string code) => _usedCodes.Add(code);

        private static bool StartsWithWord(string text, string word) =>
            text.StartsWith(word, StringComparison.Ordinal)
            && (text.Length == word.Length || char.IsWhiteSpace(text[word.Length]));
    }
}
