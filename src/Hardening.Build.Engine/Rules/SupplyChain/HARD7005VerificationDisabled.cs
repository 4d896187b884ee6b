using System;
using System.Collections.Generic;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Rules.SupplyChain
{
    /// <summary>
    /// Reports options and variables that turn off TLS certificate or package signature checks, in the
    /// shell text of RUN (heredoc scripts included) and in ENV. Each finding points at the option or
    /// variable itself. Only options that the tools document are matched.
    /// </summary>
    public sealed class HARD7005VerificationDisabled : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD7005", "TLS or signature verification disabled", Severity.Warning);

        // Options that mean the same in every tool that has them, with what each turns off.
        private static readonly Dictionary<string, string> s_options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--no-check-certificate"] = "wget's certificate check",
            ["--allow-unauthenticated"] = "apt's signature check",
            ["--allow-insecure-repositories"] = "apt's signature check of repositories",
            ["--force-yes"] = "apt's safety checks, including the signature check",
            ["--nogpgcheck"] = "the signature check of yum, dnf, microdnf or tdnf",
            ["--nosignature"] = "rpm's signature check",
            ["--no-gpg-checks"] = "zypper's signature check",
            ["--allow-untrusted"] = "apk's signature check",
            ["--trusted-host"] = "pip's certificate check for that host",
            ["--allow-insecure-connections"] = "NuGet's refusal of plain HTTP package sources",
            ["--insecure-skip-tls-verify"] = "the certificate check",
        };

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            var seen = new HashSet<DockerfileDocument>();
            var documents = new List<DockerfileDocument>(project.Dockerfiles);
            foreach (ServiceBuildLink link in project.BuildLinks)
            {
                documents.Add(link.Document);
            }

            foreach (DockerfileDocument document in documents)
            {
                if (!seen.Add(document))
                {
                    continue;
                }

                foreach (DockerfileInstruction instruction in document.Syntax.Instructions)
                {
                    IEnumerable<Finding> findings = instruction.Keyword == "RUN"
                        ? CheckRun(document, instruction)
                        : instruction.Keyword == "ENV" ? CheckEnv(document, instruction) : Array.Empty<Finding>();
                    foreach (Finding finding in findings)
                    {
                        yield return finding;
                    }
                }
            }
        }

        /// <summary>Names what an assignment such as <c>NODE_TLS_REJECT_UNAUTHORIZED=0</c> turns off, or returns null.</summary>
        public static string? JudgeVariable(string name, string value)
        {
            string trimmed = value.Trim().Trim('"', '\'');
            switch (name)
            {
                case "NODE_TLS_REJECT_UNAUTHORIZED":
                    return trimmed == "0" ? "Node.js's certificate check" : null;
                case "PYTHONHTTPSVERIFY":
                    return trimmed == "0" ? "Python's certificate check" : null;
                case "GIT_SSL_NO_VERIFY":
                    // Git skips the check when the variable has any value.
                    return trimmed.Length > 0 ? "Git's certificate check" : null;
                case "PIP_TRUSTED_HOST":
                    return trimmed.Length > 0 ? "pip's certificate check for that host" : null;
                case "NPM_CONFIG_STRICT_SSL":
                case "npm_config_strict_ssl":
                    return IsFalse(trimmed) ? "npm's certificate check" : null;
                case "DOTNET_NUGET_SIGNATURE_VERIFICATION":
                    return IsFalse(trimmed) ? "NuGet's package signature check" : null;
                default:
                    return null;
            }
        }

        private static bool IsFalse(string value) =>
            string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) || value == "0";

        private static IEnumerable<Finding> CheckEnv(DockerfileDocument document, DockerfileInstruction env)
        {
            IReadOnlyList<InstructionWord> words = env.Words;
            if (words.Count == 0)
            {
                yield break;
            }

            if (words[0].Text.IndexOf('=') < 0)
            {
                string rest = env.Arguments.Substring(words[0].Offset + words[0].Text.Length);
                string? legacy = JudgeVariable(words[0].Text, rest);
                if (legacy != null)
                {
                    yield return Report(document.Locate(words[0].Position), $"ENV {words[0].Text} {rest.Trim()}", legacy);
                }

                yield break;
            }

            foreach (InstructionWord word in words)
            {
                int equals = word.Text.IndexOf('=');
                string? turnedOff = equals > 0 ? JudgeVariable(word.Text.Substring(0, equals), word.Text.Substring(equals + 1)) : null;
                if (turnedOff != null)
                {
                    yield return Report(document.Locate(word.Position), "ENV " + word.Text, turnedOff);
                }
            }
        }

        private static IEnumerable<Finding> CheckRun(DockerfileDocument document, DockerfileInstruction run)
        {
            foreach (ShellScript script in ShellScript.Of(run))
            {
                foreach (ShellCommand command in script.Commands())
                {
                    foreach (KeyValuePair<ShellWord, string> match in Matches(command))
                    {
                        string text = match.Key.Text;
                        yield return Report(document.Locate(script.PositionOf(match.Key.Offset)), text, match.Value);
                    }
                }
            }
        }

        /// <summary>The words of one command that turn a check off, with what each turns off.</summary>
        private static IEnumerable<KeyValuePair<ShellWord, string>> Matches(ShellCommand command)
        {
            List<ShellWord> words = command.Words;
            int curl = command.IndexOfProgram(0, "curl");
            for (int i = 0; i < words.Count; i++)
            {
                string text = words[i].Text;
                string? next = i + 1 < words.Count ? words[i + 1].Text : null;
                string? turnedOff = null;
                int equals = text.IndexOf('=');
                string option = text.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? text.Substring(0, equals) : text;
                if (s_options.TryGetValue(option, out string? known))
                {
                    turnedOff = known;
                }
                else if (curl >= 0 && i > curl && (text == "--insecure" || IsShortOptionCluster(text, 'k')))
                {
                    turnedOff = "curl's certificate check";
                }
                else if (ShellCommand.IsAssignment(text))
                {
                    turnedOff = JudgeVariable(text.Substring(0, equals), text.Substring(equals + 1));
                }

                turnedOff ??= JudgeSetting(text, next);
                if (turnedOff != null)
                {
                    yield return new KeyValuePair<ShellWord, string>(words[i], turnedOff);
                }
            }
        }

        /// <summary>
        /// Settings written as one word or as a key followed by its value: apt's <c>-o Acquire::https::Verify-Peer=false</c>,
        /// <c>[trusted=yes]</c> in a sources line, repository <c>gpgcheck=0</c> and <c>sslverify=0</c>,
        /// <c>strict-ssl false</c> for npm and yarn, Git's <c>http.sslVerify false</c>, and pip's <c>global.trusted-host</c>.
        /// </summary>
        private static string? JudgeSetting(string text, string? next)
        {
            // Every setting below contains one of the words MentionsSetting looks for: verify-peer,
            // verify-host and sslverify contain "verify", [trusted=yes and trusted-host contain
            // "trusted", and so on. Most words of a script contain none, so those are passed over
            // before the lowercase copy is made.
            if (!MentionsSetting(text))
            {
                return null;
            }

            string lower = text.ToLowerInvariant();
            if (lower.StartsWith("-o", StringComparison.Ordinal))
            {
                lower = lower.Substring(2);
            }

            if (lower.StartsWith("--setopt=", StringComparison.Ordinal))
            {
                lower = lower.Substring("--setopt=".Length);
            }

            int equals = lower.IndexOf('=');
            string key = equals < 0 ? lower : lower.Substring(0, equals);
            string? value = equals < 0 ? next?.ToLowerInvariant() : lower.Substring(equals + 1);
            bool off = value == "false" || value == "0" || value == "no" || value == "off";
            bool on = value == "true" || value == "1" || value == "yes" || value == "on";

            if ((key.EndsWith("::verify-peer", StringComparison.Ordinal) || key.EndsWith("::verify-host", StringComparison.Ordinal)) && off)
            {
                return "apt's certificate check";
            }

            if ((key.EndsWith("::allowinsecurerepositories", StringComparison.Ordinal) || key.EndsWith("::allowunauthenticated", StringComparison.Ordinal)
                || key.EndsWith("::allowdowngradetoinsecurerepositories", StringComparison.Ordinal)) && on)
            {
                return "apt's signature check";
            }

            if (lower.IndexOf("[trusted=yes", StringComparison.Ordinal) >= 0)
            {
                return "apt's signature check of that repository";
            }

            if ((key == "gpgcheck" || key == "repo_gpgcheck" || key.EndsWith(".gpgcheck", StringComparison.Ordinal)) && equals > 0 && off)
            {
                return "the package signature check of the repository";
            }

            if ((key == "sslverify" || key.EndsWith(".sslverify", StringComparison.Ordinal)) && off && (equals > 0 || key == "http.sslverify"))
            {
                return key.StartsWith("http.", StringComparison.Ordinal) ? "Git's certificate check" : "the certificate check of the repository";
            }

            if ((key == "strict-ssl" || key == "--strict-ssl") && off)
            {
                return "the certificate check of npm or yarn";
            }

            if (key == "global.trusted-host" || key == "install.trusted-host")
            {
                return "pip's certificate check for that host";
            }

            return null;
        }

        private static bool MentionsSetting(string text)
        {
            // One pass over the word that compares ASCII letters without regard to case, and looks
            // further only where a setting word could start. The words are lowercase ASCII.
            for (int start = 0; start < text.Length; start++)
            {
                string? word;
                switch ((char)(text[start] | 0x20))
                {
                    case 'v': word = "verify"; break;
                    case 'i': word = "insecure"; break;
                    case 'u': word = "unauthenticated"; break;
                    case 't': word = "trusted"; break;
                    case 'g': word = "gpgcheck"; break;
                    case 's': word = "strict-ssl"; break;
                    default: word = null; break;
                }

                if (word != null && MatchesAt(text, start, word))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MatchesAt(string text, int start, string lowercaseWord)
        {
            if (start + lowercaseWord.Length > text.Length)
            {
                return false;
            }

            for (int i = 1; i < lowercaseWord.Length; i++)
            {
                char ch = text[start + i];
                char lower = ch >= 'A' && ch <= 'Z' ? (char)(ch | 0x20) : ch;
                if (lower != lowercaseWord[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True for a cluster of short options such as <c>-fsSLk</c> that contains the letter.</summary>
        private static bool IsShortOptionCluster(string text, char letter)
        {
            if (text.Length < 2 || text[0] != '-' || text[1] == '-')
            {
                return false;
            }

            for (int i = 1; i < text.Length; i++)
            {
                if (!char.IsLetter(text[i]))
                {
                    return false;
                }
            }

            return text.IndexOf(letter, 1) > 0;
        }

        private static Finding Report(SourceLocation location, string found, string turnedOff) =>
            new Finding(
                Rule,
                location,
                $"'{found}' turns off {turnedOff}, so a machine in the middle of the connection can give the build other packages or files. Remove it; if a proxy or private registry uses its own certificate authority, add that certificate to the trust store (COPY it to /usr/local/share/ca-certificates/ and RUN update-ca-certificates) instead.");
    }
}
