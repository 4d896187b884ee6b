using System;

namespace Hardening.Build.Configuration
{
    /// <summary>Reads a severity as Roslyn's .editorconfig keys and Hardening.Build's settings write it.</summary>
    public static class SeveritySetting
    {
        /// <summary>The accepted values, for messages.</summary>
        public const string AcceptedValues = "none, silent, suggestion, warning, error or default";

        /// <summary>
        /// Parses <c>none</c>, <c>silent</c> (the same as none), <c>suggestion</c>, <c>warning</c>, <c>error</c>
        /// and <c>default</c>, in any case. <paramref name="severity"/> is null for <c>default</c>, which keeps
        /// the severity the rule gives.
        /// </summary>
        public static bool TryParse(string? value, out Severity? severity)
        {
            severity = null;
            switch ((value ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "none":
                case "silent":
                    severity = Severity.None;
                    return true;

                case "suggestion":
                    severity = Severity.Suggestion;
                    return true;

                case "warning":
                    severity = Severity.Warning;
                    return true;

                case "error":
                    severity = Severity.Error;
                    return true;

                case "default":
                    return true;

                default:
                    return false;
            }
        }

        /// <summary>The name used in settings and logs: none, suggestion, warning or error.</summary>
        public static string Format(Severity severity) => severity.ToString().ToLowerInvariant();
    }
}
