namespace Hardening.Build
{
    /// <summary>
    /// How a finding is reported. The names follow Roslyn's diagnostic severities.
    /// </summary>
    public enum Severity
    {
        /// <summary>Not reported.</summary>
        None,

        /// <summary>A message: shown in detailed build output and in reports, never as a warning.</summary>
        Suggestion,

        Warning,

        Error,
    }
}
