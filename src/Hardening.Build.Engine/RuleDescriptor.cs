using System;

namespace Hardening.Build
{
    /// <summary>
    /// The stable identity of a rule or an input diagnostic: code, title, default severity and help page.
    /// </summary>
    public sealed class RuleDescriptor
    {
        /// <summary>Where the rule pages live: docs/rules/CODE.md in this repository.</summary>
        public const string HelpBaseUri = "https://github.com/hardening-build/Hardening.Build/blob/main/docs/rules/";

        public RuleDescriptor(string code, string title, Severity defaultSeverity)
        {
            if (string.IsNullOrEmpty(code))
            {
                throw new ArgumentException("A rule needs a code.", nameof(code));
            }

            Code = code;
            Title = title;
            DefaultSeverity = defaultSeverity;
            HelpUri = HelpBaseUri + code + ".md";
        }

        /// <summary>Letters then digits, for example HARD1001, so GitHub's problem matcher reads it.</summary>
        public string Code { get; }

        public string Title { get; }

        public Severity DefaultSeverity { get; }

        public string HelpUri { get; }

        public override string ToString() => Code + ": " + Title;
    }
}
