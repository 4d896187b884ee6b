using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Rules.SupplyChain
{
    /// <summary>
    /// Reports ADD where it does something unchecked or unneeded: a download without <c>--checksum</c>,
    /// a Git repository without a pinned commit, or a local file that is not an archive, which COPY
    /// copies the same way. ADD of a local tar archive, which it extracts, is its legitimate use.
    /// Every stage is read, because a build stage that downloads unverified files feeds the image too.
    /// </summary>
    public sealed class HARD7004AddNotNeeded : Rule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor("HARD7004", "ADD of a URL without checksum or of a plain file", Severity.Warning);

        // BuildKit extracts a local tar archive, plain or compressed with gzip, bzip2, xz or zstd. It
        // detects the format from the content, so a bare .gz may be a tar archive too.
        private static readonly string[] s_archiveEndings =
        {
            ".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".tzst", ".gz", ".bz2", ".xz", ".zst",
        };

        private static readonly Regex s_commit = new Regex("^[0-9a-f]{40}([0-9a-f]{24})?$", RegexOptions.CultureInvariant);

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

                foreach (DockerfileStage stage in document.Stages)
                {
                    foreach (DockerfileInstruction add in stage.Instructions)
                    {
                        if (add.Keyword != "ADD")
                        {
                            continue;
                        }

                        foreach (KeyValuePair<string, TextPosition> source in CopySources.Of(add))
                        {
                            string? message = Judge(source.Key, add.GetFlag("checksum") != null);
                            if (message != null)
                            {
                                yield return new Finding(Rule, document.Locate(source.Value), message);
                            }
                        }
                    }
                }
            }
        }

        private static string? Judge(string source, bool hasChecksum)
        {
            if (source.IndexOf('$') >= 0 || source.StartsWith("<<", StringComparison.Ordinal))
            {
                return null;
            }

            if (IsGit(source))
            {
                int hash = source.IndexOf('#');
                string reference = hash < 0 ? string.Empty : source.Substring(hash + 1);
                int colon = reference.IndexOf(':');
                reference = colon < 0 ? reference : reference.Substring(0, colon);
                if (hasChecksum || s_commit.IsMatch(reference))
                {
                    return null;
                }

                return $"ADD fetches the Git repository '{source}' at {(reference.Length == 0 ? "its default branch" : $"'{reference}'")}, which can point at other commits later. Pin the commit: append `#<full commit hash>` to the URL, or add `--checksum=<commit hash>`.";
            }

            if (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                if (hasChecksum)
                {
                    return null;
                }

                return $"ADD downloads '{source}' without --checksum, so the build accepts whatever the server returns. Add `--checksum=sha256:<hash of the file>`, or download it in a RUN that verifies it.";
            }

            string lower = source.ToLowerInvariant();
            foreach (string ending in s_archiveEndings)
            {
                if (lower.EndsWith(ending, StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return $"ADD copies '{source}', which is not a tar archive, so ADD does nothing that COPY does not, and it would extract the file if it ever became an archive. Write COPY instead of ADD.";
        }

        private static bool IsGit(string source)
        {
            if (source.StartsWith("git@", StringComparison.Ordinal) || source.StartsWith("git://", StringComparison.Ordinal) || source.StartsWith("ssh://", StringComparison.Ordinal))
            {
                return true;
            }

            int hash = source.IndexOf('#');
            string url = hash < 0 ? source : source.Substring(0, hash);
            return (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                && url.EndsWith(".git", StringComparison.OrdinalIgnoreCase);
        }
    }
}
