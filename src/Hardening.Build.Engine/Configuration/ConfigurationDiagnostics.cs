namespace Hardening.Build.Configuration
{
    /// <summary>Codes about the suppressions and settings themselves.</summary>
    public static class ConfigurationDiagnostics
    {
        public static readonly RuleDescriptor UnusedSuppression =
            new RuleDescriptor("HARD0008", "Suppression matches no finding", Severity.Suggestion);

        public static readonly RuleDescriptor InvalidSetting =
            new RuleDescriptor("HARD0009", "Hardening setting is invalid", Severity.Warning);
    }
}
