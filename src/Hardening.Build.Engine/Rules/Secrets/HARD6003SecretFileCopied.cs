using System;
using System.Collections.Generic;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Rules.Secrets
{
    /// <summary>
    /// Reports COPY and ADD from the build context into a built stage (or a stage it is built from)
    /// of files that hold secrets by their name, and, as a suggestion because such files may not
    /// exist, of the whole context when the context's .dockerignore does not keep <c>.env</c>,
    /// private keys and <c>.git</c> out. Copies with
    /// <c>--from</c> read another stage or image, not the context, and are not checked.
    /// </summary>
    public sealed class HARD6003SecretFileCopied : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD6003", "Secret files copied into the image", Severity.Warning);

        // Files at the context root that a .dockerignore must exclude before the whole context is copied.
        private static readonly string[] s_mustExclude = { ".env", ".git", "cert.pfx", "cert.p12", "key.pem", "server.key" };

        public override RuleDescriptor Descriptor => Rule;

        public override IEnumerable<Finding> Check(ProjectModel project)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (BuiltStage built in BuiltStage.Collect(project))
            {
                DockerIgnore? ignore = built.FirstLink != null ? built.FirstLink.DockerIgnore : built.Document.DockerIgnore;
                foreach (DockerfileStage stage in built.Chain())
                {
                    foreach (DockerfileInstruction instruction in stage.Instructions)
                    {
                        if ((instruction.Keyword != "COPY" && instruction.Keyword != "ADD") || instruction.GetFlag("from") != null)
                        {
                            continue;
                        }

                        foreach (Finding finding in CheckCopy(built, stage, instruction, ignore))
                        {
                            if (reported.Add(finding.Location + finding.Message))
                            {
                                yield return finding;
                            }
                        }
                    }
                }
            }
        }

        /// <summary>Names the kind of secret a file name stands for, or returns null for other files.</summary>
        public static string? SecretKind(string source)
        {
            string name = source.TrimEnd('/');
            name = name.Substring(name.LastIndexOf('/') + 1);
            string lower = name.ToLowerInvariant();
            if (lower == ".env" || (lower.StartsWith(".env.", StringComparison.Ordinal) && !IsEnvTemplate(lower)))
            {
                return "an environment file, which usually holds passwords and keys";
            }

            if (lower.EndsWith(".pfx", StringComparison.Ordinal) || lower.EndsWith(".p12", StringComparison.Ordinal))
            {
                return "a PKCS#12 certificate store with its private key";
            }

            if (lower.EndsWith(".key", StringComparison.Ordinal)
                || (lower.EndsWith(".pem", StringComparison.Ordinal) && (lower.IndexOf("key", StringComparison.Ordinal) >= 0 || lower.IndexOf("priv", StringComparison.Ordinal) >= 0)))
            {
                return "a private key";
            }

            switch (lower)
            {
                case "id_rsa":
                case "id_dsa":
                case "id_ecdsa":
                case "id_ed25519":
                    return "an SSH private key";
                case ".npmrc":
                case ".pypirc":
                case ".netrc":
                case ".git-credentials":
                    return "a credentials file of a package manager or of Git";
                default:
                    return null;
            }
        }

        private static bool IsEnvTemplate(string name) =>
            name.EndsWith(".example", StringComparison.Ordinal) || name.EndsWith(".sample", StringComparison.Ordinal)
            || name.EndsWith(".template", StringComparison.Ordinal) || name.EndsWith(".dist", StringComparison.Ordinal);

        private static IEnumerable<Finding> CheckCopy(BuiltStage built, DockerfileStage stage, DockerfileInstruction copy, DockerIgnore? ignore)
        {
            string inherited = stage == built.Stage ? string.Empty : $" (in stage {stage.DisplayName}, which it is built from)";
            foreach (KeyValuePair<string, TextPosition> source in CopySources.Of(copy))
            {
                string path = source.Key;
                if (path.IndexOf('$') >= 0 || path.StartsWith("<<", StringComparison.Ordinal) || path.IndexOf("://", StringComparison.Ordinal) >= 0)
                {
                    continue;
                }

                SourceLocation location = built.Document.Locate(source.Value);
                string? kind = SecretKind(path);
                if (kind != null)
                {
                    yield return new Finding(
                        Rule,
                        location,
                        $"{copy.Keyword} copies '{path}', {kind}, into the image of {Lower(built.Description)}{inherited}. The file stays in the image layer even if a later RUN deletes it. Give it to the build only where it is needed with `RUN --mount=type=secret,id=...,target=...`, or to the container at run time as a Compose secret, and add it to .dockerignore.");
                    continue;
                }

                if (!IsWholeContext(path) || ignore == null)
                {
                    continue;
                }

                List<string> missing = MissingExclusions(ignore);
                if (missing.Count == 0)
                {
                    continue;
                }

                string ignoreFile = ignore.FilePath == null
                    ? "the build context has no .dockerignore"
                    : $"its .dockerignore does not exclude {string.Join(", ", missing)}";
                string lines = string.Join(", ", Patterns(missing));
                yield return new Finding(
                    Rule,
                    location,
                    $"{copy.Keyword} copies the whole build context into the image of {Lower(built.Description)}{inherited}, and {ignoreFile}, so a local .env file, private keys or the Git history would end up in the image. Add {lines} to .dockerignore, or copy only the files the image needs.",
                    Severity.Suggestion);
            }
        }

        private static string Lower(string description) => char.ToLowerInvariant(description[0]) + description.Substring(1).TrimEnd(',');

        private static bool IsWholeContext(string path)
        {
            string trimmed = path.Trim();
            return trimmed == "." || trimmed == "./" || trimmed == "/" || trimmed == "*" || trimmed == "./*" || trimmed == "**";
        }

        private static List<string> MissingExclusions(DockerIgnore ignore)
        {
            var missing = new List<string>();
            foreach (string file in s_mustExclude)
            {
                if (!ignore.IsExcluded(file))
                {
                    missing.Add(file);
                }
            }

            return missing;
        }

        private static IEnumerable<string> Patterns(List<string> missing)
        {
            foreach (string file in missing)
            {
                switch (file)
                {
                    case ".env":
                        yield return "`.env`";
                        break;
                    case ".git":
                        yield return "`.git`";
                        break;
                    case "cert.pfx":
                        yield return "`**/*.pfx`";
                        break;
                    case "cert.p12":
                        yield return "`**/*.p12`";
                        break;
                    case "key.pem":
                        yield return "`**/*.pem`";
                        break;
                    case "server.key":
                        yield return "`**/*.key`";
                        break;
                }
            }
        }
    }
}
