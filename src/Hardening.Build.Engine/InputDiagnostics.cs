namespace Hardening.Build
{
    /// <summary>
    /// Codes for input that could not be read or understood. Each file gets at most one of the
    /// parse codes, at the location of the first error, and the build goes on.
    /// </summary>
    public static class InputDiagnostics
    {
        public static readonly RuleDescriptor DockerfileParseError =
            new RuleDescriptor("HARD0001", "Dockerfile cannot be parsed", Severity.Warning);

        public static readonly RuleDescriptor ComposeParseError =
            new RuleDescriptor("HARD0002", "Compose file cannot be parsed", Severity.Warning);

        public static readonly RuleDescriptor FileUnreadable =
            new RuleDescriptor("HARD0003", "File cannot be read", Severity.Warning);

        public static readonly RuleDescriptor ComposeRejectsValue =
            new RuleDescriptor("HARD0004", "Docker Compose will reject this value", Severity.Warning);

        public static readonly RuleDescriptor UnresolvedValue =
            new RuleDescriptor("HARD0005", "Value depends on an unset variable", Severity.Suggestion);

        public static readonly RuleDescriptor UnresolvedReference =
            new RuleDescriptor("HARD0006", "Referenced file, service or stage cannot be resolved", Severity.Warning);

        public static readonly RuleDescriptor ComposeWarnsAboutValue =
            new RuleDescriptor("HARD0007", "Docker Compose accepts this value with a warning", Severity.Suggestion);
    }
}
