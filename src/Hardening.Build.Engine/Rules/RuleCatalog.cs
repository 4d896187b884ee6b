using System.Collections.Generic;
using Hardening.Build.Rules.User;

namespace Hardening.Build.Rules
{
    /// <summary>The catalogue: every rule the engine runs, listed here so that loading costs no reflection.</summary>
    public static class RuleCatalog
    {
        public static IReadOnlyList<Rule> All { get; } = new Rule[]
        {
            new HARD1001RunsAsRoot(),
        };
    }
}
