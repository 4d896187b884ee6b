using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Rules.Privileges
{
    /// <summary>
    /// A service whose processes may gain privileges through setuid binaries: no no-new-privileges
    /// entry in <c>security_opt</c>, or the last one turns it off.
    /// </summary>
    public sealed class HARD3002NoNewPrivilegesNotSet : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD3002", "no-new-privileges is not set", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            // The engine applies the entries in order, so the last no-new-privileges entry decides.
            bool? enabled = null;
            ComposeValue? decisive = null;
            ComposeValue? unknown = null;
            foreach (ComposeValue option in service.Values("security_opt"))
            {
                if (!option.IsKnown)
                {
                    unknown ??= option;
                    continue;
                }

                if (!SecurityOptions.TrySplitNoNewPrivileges(option.Text.Trim(), out string? setting))
                {
                    continue;
                }

                if (setting == null)
                {
                    enabled = true;
                    decisive = option;
                }
                else if (ComposeCasts.TryParseGoBoolean(setting, out bool value))
                {
                    enabled = value;
                    decisive = option;
                }
            }

            if (enabled == true)
            {
                yield break;
            }

            if (enabled == false)
            {
                yield return Report(
                    decisive!.Location,
                    $"Service '{service.Name}' turns no-new-privileges off with '{decisive.Text}', so a setuid binary can raise a process's privileges. Write `no-new-privileges:true` as the last no-new-privileges entry of security_opt.");
                yield break;
            }

            if (unknown != null)
            {
                yield return Unresolved(service, "security_opt", unknown);
                yield break;
            }

            YamlEntry? securityOpt = service.Entry("security_opt");
            SourceLocation location = securityOpt != null ? securityOpt.Key.ReportLocation : service.KeyLocation;
            yield return Report(
                location,
                $"Service '{service.Name}' does not set no-new-privileges, so a setuid binary can raise a process's privileges. Add `security_opt: [\"no-new-privileges:true\"]` to the service.");
        }
    }
}
