using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Hardening.Build.Compose;
using Hardening.Build.Syntax.Yaml;

namespace Hardening.Build.Rules.Secrets
{
    /// <summary>
    /// A secret written into a Compose file: an <c>environment</c> entry or a <c>build.args</c> entry
    /// whose name names a secret (see <see cref="SecretNames"/>) and whose value is a literal, or a
    /// connection string or URL with a literal password in any entry.
    /// </summary>
    public sealed class HARD6002LiteralSecretInCompose : ComposeServiceRule
    {
        // Password=...; or Pwd=... in an ADO.NET-style connection string, and user:password@ in a URL.
        private static readonly Regex ConnectionStringPassword = new Regex(@"(?:^|;)\s*(?:password|pwd)\s*=\s*(?<secret>[^;]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex UrlPassword = new Regex(@"://[^/:@\s]+:(?<secret>[^@/\s]+)@", RegexOptions.CultureInvariant);

        private static readonly HashSet<string> Switches = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "true", "false", "yes", "no", "on", "off", "0", "1",
        };

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD6002", "Literal secret in Compose file", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            YamlEntry? environment = service.Entry("environment");
            if (environment != null && ComposeMerger.Normalize("environment", environment.Value) is YamlMapping variables)
            {
                foreach (YamlEntry variable in variables.Entries)
                {
                    string? problem = FindLiteralSecret(variable);
                    if (problem != null)
                    {
                        yield return Report(
                            variable.Key.ReportLocation,
                            $"Service '{service.Name}' sets {variable.Key.Value} in environment to {problem}, so the secret is stored in the Compose file and in version control. Write `{Reference(variable)}` and set the variable in the shell or in an .env file kept out of version control, or pass it as a Compose secret under secrets and read it from /run/secrets.");
                    }
                }
            }

            if (service.Build?.Entry.Value is YamlNode build
                && ComposeMerger.Normalize("build", build) is YamlMapping buildMapping
                && buildMapping.Get("args") is YamlNode argsNode
                && ComposeMerger.Normalize("args", argsNode) is YamlMapping args)
            {
                foreach (YamlEntry argument in args.Entries)
                {
                    string? problem = FindLiteralSecret(argument);
                    if (problem != null)
                    {
                        string id = argument.Key.Value.ToLowerInvariant();
                        yield return Report(
                            argument.Key.ReportLocation,
                            $"Service '{service.Name}' passes the build argument {argument.Key.Value} as {problem}, so the secret is stored in the Compose file and in the image's build history. Pass it as a build secret instead: list `{id}` under build.secrets and top-level secrets, and read it in the Dockerfile with `RUN --mount=type=secret,id={id}`.");
                    }
                }
            }
        }

        // A KEY=VALUE list item becomes a key and a value at the item's own location when normalised.
        private static string Reference(YamlEntry variable) =>
            variable.Key.Location.Equals(variable.Value.Location)
                ? $"- {variable.Key.Value}=${{{variable.Key.Value}}}"
                : $"{variable.Key.Value}: ${{{variable.Key.Value}}}";

        /// <summary>What is wrong with the entry, without its value; null when it contains no literal secret.</summary>
        private static string? FindLiteralSecret(YamlEntry entry)
        {
            if (!(entry.Value is YamlScalar value) || value.IsNull)
            {
                return null;
            }

            string text = value.Value.Trim();
            if (SecretNames.IsSecretName(entry.Key.Value) && IsLiteralSecret(text))
            {
                return $"a literal value of {text.Length} characters";
            }

            foreach (Regex pattern in new[] { ConnectionStringPassword, UrlPassword })
            {
                Match match = pattern.Match(text);
                if (match.Success && !ReferencesVariable(match.Groups["secret"].Value) && match.Groups["secret"].Value.Trim().Length > 0)
                {
                    return $"a value that contains a literal password of {match.Groups["secret"].Value.Trim().Length} characters";
                }
            }

            return null;
        }

        private static bool IsLiteralSecret(string text) =>
            text.Length > 0
            && !ReferencesVariable(text)
            && !Switches.Contains(text)
            && !IsPath(text);

        // $$ is an escaped dollar sign, so only a single $ starts a variable reference.
        private static bool ReferencesVariable(string text) => text.Replace("$$", string.Empty).IndexOf('$') >= 0;

        private static bool IsPath(string text) =>
            text.StartsWith("/", StringComparison.Ordinal)
            || text.StartsWith("./", StringComparison.Ordinal)
            || text.StartsWith("../", StringComparison.Ordinal)
            || text.StartsWith("~/", StringComparison.Ordinal)
            || (text.Length >= 3 && char.IsLetter(text[0]) && text[1] == ':' && (text[2] == '\\' || text[2] == '/'));
    }
}
