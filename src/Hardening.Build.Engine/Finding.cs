namespace Hardening.Build
{
    /// <summary>
    /// One reported fact: which rule, where, and a message that states what was found and how to fix it.
    /// </summary>
    public sealed class Finding
    {
        public Finding(RuleDescriptor rule, SourceLocation location, string message)
            : this(rule, location, message, rule.DefaultSeverity)
        {
        }

        public Finding(RuleDescriptor rule, SourceLocation location, string message, Severity severity)
        {
            Rule = rule;
            Location = location;
            Message = EscapeLineBreaks(message);
            Severity = severity;
        }

        public RuleDescriptor Rule { get; }

        public string Code => Rule.Code;

        public SourceLocation Location { get; }

        public string Message { get; }

        public Severity Severity { get; }

        /// <summary>Why the finding is not reported; null for a reported finding.</summary>
        public FindingSuppression? Suppression { get; private set; }

        internal Finding WithSeverity(Severity severity) =>
            new Finding(Rule, Location, Message, severity) { Suppression = Suppression };

        internal Finding WithSuppression(FindingSuppression suppression) =>
            new Finding(Rule, Location, Message, Severity) { Suppression = suppression };

        /// <summary>
        /// Writes line breaks and other control characters that a quoted value brings into a message as
        /// escapes such as <c>\r</c>, so every finding stays on one log line, where MSBuild and CI problem
        /// matchers read it.
        /// </summary>
        internal static string EscapeLineBreaks(string message)
        {
            int first = 0;
            while (first < message.Length && !NeedsEscape(message[first]))
            {
                first++;
            }

            if (first == message.Length)
            {
                return message;
            }

            var escaped = new System.Text.StringBuilder(message.Length + 8);
            escaped.Append(message, 0, first);
            for (int i = first; i < message.Length; i++)
            {
                char c = message[i];
                if (!NeedsEscape(c))
                {
                    escaped.Append(c);
                }
                else if (c == '\r')
                {
                    escaped.Append("\\r");
                }
                else if (c == '\n')
                {
                    escaped.Append("\\n");
                }
                else
                {
                    escaped.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return escaped.ToString();
        }

        private static bool NeedsEscape(char c) =>
            (c < ' ' && c != '\t') || c == '\u007F' || c == '\u0085' || c == '\u2028' || c == '\u2029';

        /// <summary>Orders findings by file, line, column and code, the order in which they are reported.</summary>
        public static int CompareByLocation(Finding left, Finding right)
        {
            int byFile = string.CompareOrdinal(left.Location.FilePath, right.Location.FilePath);
            if (byFile != 0)
            {
                return byFile;
            }

            int byLine = left.Location.Line.CompareTo(right.Location.Line);
            if (byLine != 0)
            {
                return byLine;
            }

            int byColumn = left.Location.Column.CompareTo(right.Location.Column);
            return byColumn != 0 ? byColumn : string.CompareOrdinal(left.Code, right.Code);
        }

        public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {Rule.Code}: {Message}";
    }
}
