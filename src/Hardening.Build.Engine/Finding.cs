namespace Hardening.Build
{
    /// <summary>
    /// One reported fact: which rule, where, and a message that says what was found and how to fix it.
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
            Message = message;
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

        public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {Rule.Code}: {Message}";
    }
}
