using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Rules.Secrets
{
    /// <summary>
    /// Reports ARG and ENV instructions that write a secret into the Dockerfile: a secret-like name
    /// with a literal value, or a connection string or URL with a literal password under any name.
    /// A secret-like ARG without a value is a suggestion, because a value passed with --build-arg
    /// stays in the image history when a RUN uses it. Every stage and the global ARGs are read,
    /// because the value is committed with the Dockerfile wherever it is.
    /// </summary>
    public sealed class HARD6001SecretInArgOrEnv : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD6001", "Secret in ARG or ENV", Severity.Warning);

        // A word that ends a secret's name on its own: DB_PASSWORD, API_TOKEN, CLIENTSECRET.
        private static readonly string[] s_secretEndings = { "PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "APIKEY", "ACCESSKEY", "PRIVATEKEY", "SECRETKEY", "CONNECTIONSTRING" };

        // Words that make a following KEY a secret: API_KEY, AWS_SECRET_ACCESS_KEY, SIGNING_KEY.
        private static readonly string[] s_keyQualifiers = { "API", "ACCESS", "PRIVATE", "SECRET", "ENCRYPTION", "SIGNING", "MASTER" };

        private static readonly HashSet<string> s_placeholders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "changeme", "change-me", "change_me", "changeit", "placeholder", "dummy", "example", "none", "null", "nil",
            "true", "false", "unset", "todo", "tbd", "secret", "password", "token",
        };

        private static readonly Regex s_connectionStringPassword = new Regex(@"(^|;)\s*(password|pwd)\s*=\s*([^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex s_urlPassword = new Regex(@"^[a-z][a-z0-9+.-]*://[^/:@\s]+:([^/@\s]+)@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            foreach (DockerfileDocument document in DocumentsOf(project))
            {
                HashSet<string> mountedSecrets = SecretMountNames(document);
                foreach (DockerfileInstruction instruction in document.Syntax.Instructions)
                {
                    IEnumerable<Finding> findings = instruction.Keyword == "ARG"
                        ? CheckArg(document, instruction, mountedSecrets)
                        : instruction.Keyword == "ENV" ? CheckEnv(document, instruction) : Array.Empty<Finding>();
                    foreach (Finding finding in findings)
                    {
                        yield return finding;
                    }
                }
            }
        }

        /// <summary>True for names whose last word, split on <c>_ - .</c>, names a secret; <c>PWD</c> alone is the shell's working folder.</summary>
        public static bool IsSecretName(string name)
        {
            string[] words = name.ToUpperInvariant().Split(new[] { '_', '-', '.' }, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                return false;
            }

            string last = words[words.Length - 1];
            string previous = words.Length > 1 ? words[words.Length - 2] : string.Empty;
            foreach (string ending in s_secretEndings)
            {
                if (last.EndsWith(ending, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return (last == "PWD" && words.Length > 1)
                || (last == "KEY" && Array.IndexOf(s_keyQualifiers, previous) >= 0)
                || (last == "STRING" && previous == "CONNECTION");
        }

        /// <summary>
        /// True for a value written out in the Dockerfile: not empty, no <c>$</c> reference, not a path
        /// (<c>/</c>, <c>./</c>, <c>../</c>, <c>~/</c>) and not a placeholder such as <c>changeme</c> or <c>&lt;token&gt;</c>.
        /// </summary>
        public static bool IsLiteralValue(string value)
        {
            string text = value.Trim();
            if (text.Length == 0 || text.IndexOf('$') >= 0)
            {
                return false;
            }

            bool path = text.StartsWith("/", StringComparison.Ordinal) || text.StartsWith("./", StringComparison.Ordinal)
                || text.StartsWith("../", StringComparison.Ordinal) || text.StartsWith("~/", StringComparison.Ordinal);
            bool placeholder = s_placeholders.Contains(text)
                || (text.StartsWith("<", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal))
                || text.StartsWith("your", StringComparison.OrdinalIgnoreCase)
                || text.Trim('x', 'X', '*', '.').Length == 0;
            return !path && !placeholder;
        }

        /// <summary>True for a connection string with a literal <c>Password=</c> or <c>Pwd=</c>, or a URL with a literal password.</summary>
        public static bool HasEmbeddedPassword(string value)
        {
            Match connection = s_connectionStringPassword.Match(value);
            if (connection.Success && IsLiteralValue(connection.Groups[3].Value))
            {
                return true;
            }

            Match url = s_urlPassword.Match(value.Trim());
            return url.Success && IsLiteralValue(url.Groups[1].Value);
        }

        private static IEnumerable<DockerfileDocument> DocumentsOf(ProjectModel project)
        {
            var seen = new HashSet<DockerfileDocument>();
            foreach (DockerfileDocument document in project.Dockerfiles)
            {
                if (seen.Add(document))
                {
                    yield return document;
                }
            }

            foreach (ServiceBuildLink link in project.BuildLinks)
            {
                if (seen.Add(link.Document))
                {
                    yield return link.Document;
                }
            }
        }

        private static IEnumerable<Finding> CheckArg(DockerfileDocument document, DockerfileInstruction arg, HashSet<string> mountedSecrets)
        {
            foreach (InstructionWord word in arg.Words)
            {
                DockerfileDocument.SplitArg(word.Text, out string name, out string? defaultValue);
                SourceLocation location = document.Locate(word.Position);
                if (defaultValue == null)
                {
                    if (IsSecretName(name) && !mountedSecrets.Contains(name.ToUpperInvariant()))
                    {
                        string id = name.ToLowerInvariant();
                        yield return new Finding(
                            Rule,
                            location,
                            $"ARG declares the build argument '{name}', named like a secret. A value passed with --build-arg is recorded in the image history when a RUN uses it. Pass it as a build secret instead: `RUN --mount=type=secret,id={id},env={name} <command>` with `docker build --secret id={id},env={name}`, and remove the ARG.",
                            Severity.Suggestion);
                    }

                    continue;
                }

                string value = Unquote(defaultValue);
                Finding? finding = CheckAssignment(location, "ARG", "default", name, value);
                if (finding != null)
                {
                    yield return finding;
                }
            }
        }

        private static IEnumerable<Finding> CheckEnv(DockerfileDocument document, DockerfileInstruction env)
        {
            IReadOnlyList<InstructionWord> words = env.Words;
            if (words.Count == 0)
            {
                yield break;
            }

            if (words[0].Text.IndexOf('=') < 0)
            {
                // Legacy form `ENV NAME rest of the line`: the whole rest is the value.
                string rest = env.Arguments.Substring(words[0].Offset + words[0].Text.Length);
                Finding? legacy = CheckAssignment(document.Locate(words[0].Position), "ENV", "value", words[0].Text, Unquote(rest.Trim()));
                if (legacy != null)
                {
                    yield return legacy;
                }

                yield break;
            }

            foreach (InstructionWord word in words)
            {
                int equals = word.Text.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                string name = word.Text.Substring(0, equals);
                Finding? finding = CheckAssignment(document.Locate(word.Position), "ENV", "value", name, Unquote(word.Text.Substring(equals + 1)));
                if (finding != null)
                {
                    yield return finding;
                }
            }
        }

        private static Finding? CheckAssignment(SourceLocation location, string keyword, string valueKind, string name, string value)
        {
            if (name.IndexOf('$') >= 0)
            {
                return null;
            }

            string id = name.ToLowerInvariant();
            string fix = keyword == "ENV"
                ? $"Remove the value from the Dockerfile: read it at build time with `RUN --mount=type=secret,id={id},env={name} <command>`, or give it to the container at run time from a Compose secret or the environment."
                : $"Remove the default and pass the value as a build secret: `RUN --mount=type=secret,id={id},env={name} <command>` with `docker build --secret id={id},env={name}`.";
            string stored = keyword == "ENV"
                ? "ENV values are stored in the image configuration, where anyone who can pull the image reads them"
                : "ARG values are recorded in the image history when a RUN uses them";
            if (IsSecretName(name) && IsLiteralValue(value))
            {
                return new Finding(Rule, location, $"{keyword} gives '{name}', named like a secret, a literal {valueKind}. The secret is committed with the Dockerfile, and {stored}. {fix}");
            }

            if (HasEmbeddedPassword(value))
            {
                return new Finding(Rule, location, $"{keyword} gives '{name}' a {valueKind} with a literal password in it. The password is committed with the Dockerfile, and {stored}. {fix}");
            }

            return null;
        }

        /// <summary>The names that secret mounts expose, upper-cased: each <c>env=</c>, and each <c>id=</c>, which is the default file name.</summary>
        private static HashSet<string> SecretMountNames(DockerfileDocument document)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (DockerfileInstruction instruction in document.Syntax.Instructions)
            {
                foreach (InstructionFlag flag in instruction.Flags)
                {
                    if (!string.Equals(flag.Name, "mount", StringComparison.OrdinalIgnoreCase) || flag.Value == null)
                    {
                        continue;
                    }

                    bool secret = false;
                    var candidates = new List<string>();
                    foreach (string field in flag.Value.Split(','))
                    {
                        int equals = field.IndexOf('=');
                        string key = equals < 0 ? field.Trim() : field.Substring(0, equals).Trim();
                        string value = equals < 0 ? string.Empty : field.Substring(equals + 1).Trim();
                        if (key == "type" && value == "secret")
                        {
                            secret = true;
                        }
                        else if (key == "env" || key == "id")
                        {
                            candidates.Add(value.ToUpperInvariant());
                        }
                    }

                    if (secret)
                    {
                        names.UnionWith(candidates);
                    }
                }
            }

            return names;
        }

        private static string Unquote(string text)
        {
            string value = text.Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                return value.Substring(1, value.Length - 2);
            }

            return value;
        }
    }
}
