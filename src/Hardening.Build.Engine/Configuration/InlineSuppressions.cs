using System;
using System.Collections.Generic;
using System.IO;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Files;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Configuration
{
    /// <summary>
    /// The <c># hardening-ignore</c> comments of the checked files: which findings they suppress, and
    /// which of their codes suppress nothing.
    /// </summary>
    internal sealed class InlineSuppressions
    {
        private readonly CheckRequest _request;
        private readonly IFileSystem _fileSystem;
        private readonly List<string> _details;
        private readonly Dictionary<string, List<SuppressionComment>> _comments = new Dictionary<string, List<SuppressionComment>>(StringComparer.Ordinal);
        private readonly Dictionary<Finding, FindingSuppression> _suppressions = new Dictionary<Finding, FindingSuppression>();
        private HashSet<string> _filesWithParseErrors = new HashSet<string>(StringComparer.Ordinal);

        public InlineSuppressions(CheckRequest request, IFileSystem fileSystem, List<string> details)
        {
            _request = request;
            _fileSystem = fileSystem;
            _details = details;
        }

        /// <summary>Returns the suppression <see cref="Match"/> found for <paramref name="finding"/>, or null.</summary>
        public FindingSuppression? SuppressionOf(Finding finding) =>
            _suppressions.TryGetValue(finding, out FindingSuppression? suppression) ? suppression : null;

        /// <summary>Reads the comments of the input files, the Compose files read and the files that have findings.</summary>
        public void Scan(ProjectModel project, IReadOnlyList<Finding> findings)
        {
            var yamlFiles = new HashSet<string>(StringComparer.Ordinal);
            var files = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (InputFile input in _request.Files)
            {
                AddFile(input.Path, input.Kind == InputKind.Compose);
            }

            foreach (ComposeProject composeProject in project.ComposeProjects)
            {
                foreach (string file in composeProject.ReadFiles)
                {
                    AddFile(file, true);
                }
            }

            var dockerfiles = new Dictionary<string, DockerfileDocument>(StringComparer.Ordinal);
            foreach (DockerfileDocument document in project.Dockerfiles)
            {
                dockerfiles[document.FilePath] = document;
            }

            foreach (ServiceBuildLink link in project.BuildLinks)
            {
                dockerfiles[link.Document.FilePath] = link.Document;
                AddFile(link.Document.FilePath, false);
            }

            foreach (Finding finding in findings)
            {
                string path = finding.Location.FilePath;
                if (!string.IsNullOrEmpty(path))
                {
                    string extension = Path.GetExtension(path);
                    AddFile(path, string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase));
                }
            }

            foreach (string file in files)
            {
                if (!_fileSystem.FileExists(file))
                {
                    continue;
                }

                SourceFile source = _fileSystem.Read(file);
                if (source.Text == null)
                {
                    continue;
                }

                List<SuppressionComment> found = yamlFiles.Contains(file)
                    ? SuppressionScanner.ScanYaml(file, source.Text)
                    : SuppressionScanner.ScanDockerfile(file, source.Text, HeredocLines(dockerfiles, file));
                if (found.Count == 0)
                {
                    continue;
                }

                _comments[file] = found;
                foreach (SuppressionComment comment in found)
                {
                    string scope = "no line";
                    if (comment.IsFileLevel)
                    {
                        scope = "the whole file";
                    }
                    else if (comment.TargetLine > 0)
                    {
                        scope = "line " + comment.TargetLine;
                    }

                    _details.Add($"[suppression] {comment.Location}: {string.Join(" ", comment.Codes)} for {scope}{(comment.Justification == null ? "" : " -- " + comment.Justification)}");
                }
            }

            _filesWithParseErrors = FilesWithParseErrors(findings);

            void AddFile(string path, bool isYaml)
            {
                if (isYaml)
                {
                    yamlFiles.Add(path);
                }

                if (seen.Add(path))
                {
                    files.Add(path);
                }
            }
        }

        private static HashSet<int> HeredocLines(Dictionary<string, DockerfileDocument> dockerfiles, string file)
        {
            var lines = new HashSet<int>();
            if (!dockerfiles.TryGetValue(file, out DockerfileDocument? document))
            {
                return lines;
            }

            foreach (DockerfileInstruction instruction in document.Syntax.Instructions)
            {
                foreach (Heredoc heredoc in instruction.Heredocs)
                {
                    int bodyLines = 0;
                    foreach (char c in heredoc.Body)
                    {
                        if (c == '\n')
                        {
                            bodyLines++;
                        }
                    }

                    for (int line = heredoc.BodyStartLine; line < heredoc.BodyStartLine + bodyLines; line++)
                    {
                        lines.Add(line);
                    }
                }
            }

            return lines;
        }

        /// <summary>Records which comment, if any, suppresses <paramref name="finding"/>, and marks its code used.</summary>
        public void Match(Finding finding)
        {
            string path = finding.Location.FilePath;
            if (string.IsNullOrEmpty(path) || !_comments.TryGetValue(path, out List<SuppressionComment>? fileComments))
            {
                return;
            }

            foreach (SuppressionComment comment in fileComments)
            {
                bool applies = comment.IsFileLevel || (comment.TargetLine > 0 && comment.TargetLine == finding.Location.Line);
                if (!applies || !comment.Covers(finding.Code))
                {
                    continue;
                }

                comment.MarkUsed(finding.Code);
                if (!_suppressions.ContainsKey(finding))
                {
                    _suppressions[finding] = new FindingSuppression(SuppressionKind.InSource, comment.Justification, comment.Location);
                }
            }
        }

        /// <summary>
        /// Reports invalid comments, and unused ones in files of this project that parsed. A shared file's
        /// comments may serve another project, and a file that failed to parse has findings missing.
        /// </summary>
        public List<Finding> CommentDiagnostics()
        {
            var diagnostics = new List<Finding>();
            foreach (KeyValuePair<string, List<SuppressionComment>> file in _comments)
            {
                bool isOwned = IsInProject(file.Key) && !_filesWithParseErrors.Contains(file.Key);
                foreach (SuppressionComment comment in file.Value)
                {
                    if (comment.Error != null)
                    {
                        diagnostics.Add(new Finding(ConfigurationDiagnostics.InvalidSetting, comment.Location, comment.Error));
                        continue;
                    }

                    var unused = new List<string>(comment.UnusedCodes);
                    if (unused.Count == 0 || !isOwned)
                    {
                        continue;
                    }

                    string codes = string.Join(", ", unused);
                    string message = comment.IsFileLevel
                        ? $"The file-level suppression of {codes} matches no finding in this file, so it has no effect. Remove {codes} from the comment."
                        : $"The suppression of {codes} matches no finding on the line it applies to, so it has no effect. Remove {codes} from the comment, or move the comment to the line right above the finding; for a missing setting that is the service's key or the final FROM.";
                    diagnostics.Add(new Finding(ConfigurationDiagnostics.UnusedSuppression, comment.Location, message));
                }
            }

            return diagnostics;
        }

        private static HashSet<string> FilesWithParseErrors(IReadOnlyList<Finding> findings)
        {
            var files = new HashSet<string>(StringComparer.Ordinal);
            foreach (Finding finding in findings)
            {
                if (finding.Rule == InputDiagnostics.DockerfileParseError || finding.Rule == InputDiagnostics.ComposeParseError)
                {
                    files.Add(finding.Location.FilePath);
                }
            }

            return files;
        }

        private bool IsInProject(string path)
        {
            if (string.IsNullOrEmpty(_request.ProjectDirectory))
            {
                return true;
            }

            string prefix = _request.ProjectDirectory!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return path.StartsWith(prefix, Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }
    }
}
