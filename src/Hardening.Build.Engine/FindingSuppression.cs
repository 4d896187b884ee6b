namespace Hardening.Build
{
    /// <summary>How a finding was suppressed. The names follow SARIF's suppression kinds.</summary>
    public enum SuppressionKind
    {
        /// <summary>By a <c># hardening-ignore</c> comment in the checked file.</summary>
        InSource,

        /// <summary>By an entry of the baseline file.</summary>
        External,
    }

    /// <summary>Why a finding is not reported: the suppressing comment or baseline, and its reason when one was written.</summary>
    public sealed class FindingSuppression
    {
        public FindingSuppression(SuppressionKind kind, string? justification, SourceLocation? location)
        {
            Kind = kind;
            Justification = justification;
            Location = location;
        }

        public SuppressionKind Kind { get; }

        /// <summary>The text after <c>--</c> in the comment; null when none was written.</summary>
        public string? Justification { get; }

        /// <summary>The comment's location; null for a baseline entry.</summary>
        public SourceLocation? Location { get; }
    }
}
